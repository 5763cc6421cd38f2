#include "base/thread_background.h"

#include <errno.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

enum { BACKGROUND_NICE = 10 };

void thread_background(void)
{
	/* With a thread id, PRIO_PROCESS and sched_setscheduler set that thread
	 * alone (setpriority(2), sched_setscheduler(2), Linux notes). */
	pid_t self = gettid();
	errno = 0;
	int now = getpriority(PRIO_PROCESS, (id_t)self);
	if (errno == 0)
		(void)setpriority(PRIO_PROCESS, (id_t)self, now + BACKGROUND_NICE);
	struct sched_param idle = {.sched_priority = 0};
	(void)sched_setscheduler(self, SCHED_IDLE, &idle);
}
