#include "base/thread_background.h"

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
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

/* The thread id that name spells, or 0. */
static pid_t tid_of(const char *name)
{
	long tid = 0;
	if (!*name)
		return 0;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || tid > 1000000000L)
			return 0;
		tid = tid * 10 + (*name - '0');
	}
	return (pid_t)tid;
}

int thread_background_end_all(void)
{
	int saved = errno;
	errno = 0;
	int nice = getpriority(PRIO_PROCESS, (id_t)getpid()); /* the main thread's */
	if (errno != 0)
		nice = 0;
	if (sched_getscheduler(getpid()) == SCHED_IDLE) { /* none is below the main thread */
		errno = saved;
		return 0;
	}
	int moved = 0;
	int fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		errno = saved;
		return 0;
	}
	_Alignas(struct dirent64) char buf[4096];
	ssize_t n;
	while ((n = getdents64(fd, buf, sizeof buf)) > 0) {
		for (ssize_t at = 0; at < n;) {
			const struct dirent64 *e = (const struct dirent64 *)(buf + at);
			at += e->d_reclen;
			pid_t tid = tid_of(e->d_name);
			if (tid <= 0 || sched_getscheduler(tid) != SCHED_IDLE)
				continue;
			struct sched_param normal = {.sched_priority = 0};
			if (sched_setscheduler(tid, SCHED_OTHER, &normal) != 0)
				continue;
			(void)setpriority(PRIO_PROCESS, (id_t)tid, nice);
			moved++;
		}
	}
	close(fd);
	errno = saved;
	return moved;
}
