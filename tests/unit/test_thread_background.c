/* A helper thread lowers its own priority and nobody else's: the render
 * thread keeps its place. */
#include <errno.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "test.h"
#include "thread_background.h"

static int failures_;

static int nice_of_this_thread(void)
{
	errno = 0;
	int n = getpriority(PRIO_PROCESS, (id_t)gettid());
	return errno ? -100 : n;
}

static void *helper(void *arg)
{
	int *seen = arg;
	seen[0] = nice_of_this_thread();
	thread_background();
	seen[1] = nice_of_this_thread();
	return NULL;
}

static void test_lowers_the_calling_thread_only(void)
{
	int before = nice_of_this_thread();
	int seen[2] = {-100, -100};
	pthread_t t;
	CHECK(pthread_create(&t, NULL, helper, seen) == 0);
	pthread_join(t, NULL);
	CHECK_INT(seen[0], before); /* a new thread starts at its creator's */
	int want = before + 10 > 19 ? 19 : before + 10;
	CHECK_INT(seen[1], want);
	CHECK_INT(nice_of_this_thread(), before); /* the caller of pthread_create is untouched */
}

int main(void)
{
	RUN(test_lowers_the_calling_thread_only);
	return failures_ ? 1 : 0;
}
