#include "thread_background.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

enum { BACKGROUND_NICE = 10 };

void thread_background(void)
{
	/* PRIO_PROCESS with a thread id sets that thread alone (setpriority(2),
	 * Linux notes); 0 would mean the whole process on other systems. */
	id_t self = (id_t)gettid();
	errno = 0;
	int now = getpriority(PRIO_PROCESS, self);
	if (errno == 0)
		(void)setpriority(PRIO_PROCESS, self, now + BACKGROUND_NICE);
}
