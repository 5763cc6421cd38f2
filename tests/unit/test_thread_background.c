/* A helper thread lowers its own priority and moves itself to the idle
 * class, and nobody else's: the render thread keeps its place. */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
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

struct idle_helper {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int phase; /* 0 starting, 1 in the idle class, 2 told to look, 3 looked */
	int policy, nice;
};

static void *idle_helper(void *arg)
{
	struct idle_helper *h = arg;
	thread_background();
	pthread_mutex_lock(&h->lock);
	h->phase = 1;
	pthread_cond_broadcast(&h->cond);
	while (h->phase != 2)
		pthread_cond_wait(&h->cond, &h->lock);
	h->policy = policy_of_this_thread();
	h->nice = nice_of_this_thread();
	h->phase = 3;
	pthread_cond_broadcast(&h->cond);
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

/* Whether this process may leave the idle class for nice n: CAP_SYS_NICE
 * (root here) or an RLIMIT_NICE that allows n. */
static bool may_leave_idle(int n)
{
	struct rlimit r;
	return geteuid() == 0 ||
	       (getrlimit(RLIMIT_NICE, &r) == 0 && (rlim_t)(20 - n) <= r.rlim_cur);
}

static void test_end_all_brings_idle_threads_back(void)
{
	struct idle_helper h = {.phase = 0};
	pthread_mutex_init(&h.lock, NULL);
	pthread_cond_init(&h.cond, NULL);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, idle_helper, &h) == 0);
	pthread_mutex_lock(&h.lock);
	while (h.phase != 1)
		pthread_cond_wait(&h.cond, &h.lock);
	pthread_mutex_unlock(&h.lock);
	int policy = policy_of_this_thread(), nice = nice_of_this_thread();
	int moved = thread_background_end_all();
	pthread_mutex_lock(&h.lock);
	h.phase = 2;
	pthread_cond_broadcast(&h.cond);
	while (h.phase != 3)
		pthread_cond_wait(&h.cond, &h.lock);
	pthread_mutex_unlock(&h.lock);
	pthread_join(t, NULL);
	CHECK_INT(policy_of_this_thread(), policy); /* the caller is untouched */
	CHECK_INT(nice_of_this_thread(), nice);
	/* Not allowed, or this whole test in the idle class (make test's lane
	 * beside the display tests): the helper stays idle, and nothing fails. */
	if (policy == SCHED_IDLE || !may_leave_idle(nice)) {
		CHECK_INT(moved, 0);
		CHECK_INT(h.policy, SCHED_IDLE);
		return;
	}
	CHECK_INT(moved, 1);
	CHECK_INT(h.policy, SCHED_OTHER); /* back in the ordinary class */
	CHECK_INT(h.nice, nice);          /* at the main thread's nice */
}

int main(void)
{
	RUN(test_lowers_the_calling_thread_only);
	RUN(test_end_all_brings_idle_threads_back);
	return failures_ ? 1 : 0;
}
