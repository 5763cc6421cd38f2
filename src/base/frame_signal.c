#include "base/frame_signal.h"

#include "base/perf_switch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static atomic_int phase;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t lowered = PTHREAD_COND_INITIALIZER;

void frame_signal_set(enum frame_phase p)
{
	if (!perf_on(PERF_PAUSE))
		p = FRAME_IDLE;              /* the audit's baseline: decoders never pause */
	if ((int)p >= atomic_load(&phase)) { /* raised: nobody to wake */
		atomic_store(&phase, (int)p);
		return;
	}
	pthread_mutex_lock(&lock);
	atomic_store(&phase, (int)p);
	pthread_cond_broadcast(&lowered);
	pthread_mutex_unlock(&lock);
}

enum frame_phase frame_signal_get(void)
{
	return (enum frame_phase)atomic_load(&phase);
}

void frame_signal_wait_below(enum frame_phase p)
{
	if (atomic_load(&phase) < (int)p)
		return;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += FRAME_SIGNAL_MAX_MS * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	int rc = 0;
	while (rc != ETIMEDOUT && atomic_load(&phase) >= (int)p)
		rc = pthread_cond_timedwait(&lowered, &lock, &until);
	pthread_mutex_unlock(&lock);
}
