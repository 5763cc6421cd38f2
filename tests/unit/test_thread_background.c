/* A helper thread lowers its own priority and moves itself to the idle
 * class, and nobody else's: the render thread keeps its place. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include "test.h"
#include "base/thread_background.h"

static int failures_;

static int nice_of_this_thread(void)
{
	errno = 0;
	int n = getpriority(PRIO_PROCESS, (id_t)gettid());
	return errno ? -100 : n;
}

static int policy_of_this_thread(void)
{
	return sched_getscheduler(gettid());
}

static void *helper(void *arg)
{
	int *seen = arg;
	seen[0] = nice_of_this_thread();
	seen[2] = policy_of_this_thread();
	thread_background();
	seen[1] = nice_of_this_thread();
	seen[3] = policy_of_this_thread();
	return NULL;
}

static void test_lowers_the_calling_thread_only(void)
{
	int before = nice_of_this_thread();
	int policy = policy_of_this_thread();
	int seen[4] = {-100, -100, -100, -100};
	pthread_t t;
	CHECK(pthread_create(&t, NULL, helper, seen) == 0);
	pthread_join(t, NULL);
	CHECK_INT(seen[0], before); /* a new thread starts at its creator's */
	int want = before + 10 > 19 ? 19 : before + 10;
	CHECK_INT(seen[1], want);
	CHECK_INT(seen[2], policy);
	CHECK_INT(seen[3], SCHED_IDLE);           /* runs only when the render thread does not */
	CHECK_INT(nice_of_this_thread(), before); /* the caller of pthread_create is untouched */
	CHECK_INT(policy_of_this_thread(), policy);
}

int main(void)
{
	RUN(test_lowers_the_calling_thread_only);
	return failures_ ? 1 : 0;
}
