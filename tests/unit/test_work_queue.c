/* The worker queue: urgent jobs before the others, first in first out
 * within each; finished jobs on the done list, each announced by the wake
 * callback; a clear drops what waits but not what runs; free joins the
 * threads with jobs still waiting, and a running job sees it stop; two
 * workers really run two jobs at once; a waiting job is found and moved up; a quiet push waits for
 * a kick. */
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "base/work_queue.h"
#include "test.h"

static int failures_;

enum { MAX_JOBS = 16, WAIT_MS = 5000 };

struct job {
	int id;
	bool block;      /* waits until the test opens the gate... */
	bool until_stop; /* ...or, with this, until the queue stops */
	bool meet;       /* waits for another meeting job to run at once */
	bool met, finished, saw_stop;
};

/* What the jobs did, seen by the test; everything under lock. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static struct record {
	struct work_queue *q;
	int order[MAX_JOBS], n_run;
	bool urgent[MAX_JOBS]; /* by job id */
	int blocked, meeting, running, max_running;
	bool open;
	int wakes, drops;
} rec;

/* Waits, with lock held, for a change or until deadline; false when
 * the deadline passed. */
static bool wait_change(const struct timespec *deadline)
{
	return pthread_cond_timedwait(&changed, &lock, deadline) == 0;
}

static struct timespec after_ms(int ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

static void run(void *ctx, void *p, bool urgent)
{
	(void)ctx;
	struct job *j = p;
	struct timespec deadline = after_ms(WAIT_MS);
	pthread_mutex_lock(&lock);
	if (rec.n_run < MAX_JOBS)
		rec.order[rec.n_run++] = j->id;
	rec.urgent[j->id] = urgent;
	if (++rec.running > rec.max_running)
		rec.max_running = rec.running;
	pthread_cond_broadcast(&changed);
	if (j->block) {
		rec.blocked++;
		pthread_cond_broadcast(&changed);
		/* Nobody signals the stop: it is polled, as a long job would. */
		for (int i = 0; i < WAIT_MS / 10; i++) {
			if (rec.open || (j->until_stop && work_queue_stopping(rec.q)))
				break;
			struct timespec step = after_ms(10);
			wait_change(&step);
		}
		j->saw_stop = work_queue_stopping(rec.q);
	}
	if (j->meet) {
		rec.meeting++;
		pthread_cond_broadcast(&changed);
		while (rec.meeting < 2)
			if (!wait_change(&deadline))
				break;
		j->met = rec.meeting >= 2;
	}
	rec.running--;
	j->finished = true;
	pthread_mutex_unlock(&lock);
}

static void drop(void *ctx, void *p)
{
	(void)ctx;
	(void)p;
	pthread_mutex_lock(&lock);
	rec.drops++;
	pthread_mutex_unlock(&lock);
}

static void wake(void *ctx)
{
	(void)ctx;
	pthread_mutex_lock(&lock);
	rec.wakes++;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
}

static const struct work_queue_ops ops = {.run = run, .drop = drop, .wake = wake};

static struct work_queue *start(const struct work_queue_ops *o, int workers)
{
	pthread_mutex_lock(&lock);
	rec = (struct record){0};
	pthread_mutex_unlock(&lock);
	struct work_queue *q = work_queue_new(o, NULL, workers, "test");
	pthread_mutex_lock(&lock);
	rec.q = q;
	pthread_mutex_unlock(&lock);
	return q;
}

/* Waits (up to WAIT_MS) until *field >= n; false when it never came. */
static bool wait_for(const int *field, int n)
{
	struct timespec deadline = after_ms(WAIT_MS);
	pthread_mutex_lock(&lock);
	while (*field < n && wait_change(&deadline))
		;
	bool ok = *field >= n;
	pthread_mutex_unlock(&lock);
	return ok;
}

static int get(const int *field)
{
	pthread_mutex_lock(&lock);
	int v = *field;
	pthread_mutex_unlock(&lock);
	return v;
}

static void open_gate(void)
{
	pthread_mutex_lock(&lock);
	rec.open = true;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
}

static void sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

/* One worker, held by job 0 while the others are pushed. */
static void test_urgent_first_fifo_within(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[6] = {
	    {.id = 0, .block = true}, {.id = 1}, {.id = 2}, {.id = 3}, {.id = 4}, {.id = 5}};
	CHECK(work_queue_push(q, &j[0], 0));
	CHECK(wait_for(&rec.blocked, 1));
	CHECK(work_queue_push(q, &j[1], 0));
	CHECK(work_queue_push(q, &j[2], WORK_QUEUE_URGENT));
	CHECK(work_queue_push(q, &j[3], 0));
	CHECK(work_queue_push(q, &j[4], WORK_QUEUE_URGENT));
	CHECK(work_queue_push(q, &j[5], 0));
	CHECK_INT(work_queue_waiting(q), 5);
	open_gate();
	CHECK(wait_for(&rec.wakes, 6));
	int want[6] = {0, 2, 4, 1, 3, 5};
	for (int i = 0; i < 6; i++)
		CHECK_INT(rec.order[i], want[i]);
	CHECK(rec.urgent[2] && rec.urgent[4] && !rec.urgent[1] && !rec.urgent[0]);
	CHECK_INT(work_queue_waiting(q), 0);
	for (int i = 0; i < 6; i++)
		CHECK(work_queue_take(q) == &j[want[i]]);
	work_queue_free(q);
	CHECK_INT(rec.drops, 0);
}

/* A job is on the done list by the time its wake comes, once, and is the
 * owner's again when taken. */
static void test_done_list_and_wake(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	CHECK(work_queue_take(q) == NULL);
	struct job j[3] = {{.id = 0}, {.id = 1}, {.id = 2}};
	for (int i = 0; i < 3; i++)
		CHECK(work_queue_push(q, &j[i], 0));
	CHECK(wait_for(&rec.wakes, 3));
	for (int i = 0; i < 3; i++) {
		CHECK(work_queue_take(q) == &j[i]);
		CHECK(j[i].finished);
	}
	CHECK(work_queue_take(q) == NULL);
	sleep_ms(50);
	CHECK_INT(get(&rec.wakes), 3);
	work_queue_free(q);
	CHECK_INT(rec.drops, 0); /* all taken: nothing left to drop */
}

static void test_clear_drops_waiting_not_running(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[4] = {{.id = 0, .block = true}, {.id = 1}, {.id = 2}, {.id = 3}};
	CHECK(work_queue_push(q, &j[0], 0));
	CHECK(wait_for(&rec.blocked, 1));
	CHECK(work_queue_push(q, &j[1], WORK_QUEUE_URGENT));
	CHECK(work_queue_push(q, &j[2], 0));
	work_queue_clear(q);
	CHECK_INT(get(&rec.drops), 2); /* at once, on this thread */
	CHECK_INT(work_queue_waiting(q), 0);
	open_gate();
	CHECK(wait_for(&rec.wakes, 1));
	CHECK(work_queue_take(q) == &j[0]); /* the running one finished */
	CHECK(j[0].finished);
	CHECK(work_queue_push(q, &j[3], 0)); /* the queue goes on */
	CHECK(wait_for(&rec.wakes, 2));
	CHECK(work_queue_take(q) == &j[3]);
	CHECK_INT(get(&rec.n_run), 2);
	CHECK(!j[1].finished && !j[2].finished);
	work_queue_free(q);
	CHECK_INT(rec.drops, 2);
}

/* Free with a job running (it ends when it sees the stop) and two waiting:
 * the thread is joined, the waiting ones never run, all three dropped. */
static void test_free_joins_with_jobs_waiting(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[3] = {{.id = 0, .block = true, .until_stop = true}, {.id = 1}, {.id = 2}};
	for (int i = 0; i < 3; i++)
		CHECK(work_queue_push(q, &j[i], 0));
	CHECK(wait_for(&rec.blocked, 1));
	CHECK(!work_queue_stopping(q));
	work_queue_free(q);
	CHECK(j[0].finished); /* joined: the running job is over */
	CHECK(j[0].saw_stop);
	CHECK_INT(rec.n_run, 1);
	CHECK_INT(rec.drops, 3); /* two waiting, one done but not taken */
}

/* Two jobs that each wait for the other to be running finish only when
 * two workers run them at once. */
static void test_two_workers_run_at_once(void)
{
	struct work_queue *q = start(&ops, 2);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[2] = {{.id = 0, .meet = true}, {.id = 1, .meet = true}};
	CHECK(work_queue_push(q, &j[0], 0));
	CHECK(work_queue_push(q, &j[1], 0));
	CHECK(wait_for(&rec.wakes, 2));
	CHECK(j[0].met && j[1].met);
	CHECK_INT(rec.max_running, 2);
	CHECK(work_queue_take(q) != NULL);
	CHECK(work_queue_take(q) != NULL);
	work_queue_free(q);
}

static bool same_id(const void *job, const void *key)
{
	return ((const struct job *)job)->id == *(const int *)key;
}

/* A running or waiting job is found; a waiting one moves up behind the
 * urgent ones; a running one cannot. */
static void test_find_and_promote(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[5] = {{.id = 0, .block = true}, {.id = 1}, {.id = 2}, {.id = 3}, {.id = 4}};
	CHECK(work_queue_push(q, &j[0], 0));
	CHECK(wait_for(&rec.blocked, 1));
	for (int i = 1; i < 4; i++)
		CHECK(work_queue_push(q, &j[i], 0));
	int key = 2, none = 9, first = 0;
	CHECK(work_queue_find(q, same_id, &key) == &j[2]);
	CHECK(work_queue_find(q, same_id, &first) == &j[0]); /* running */
	CHECK(work_queue_find(q, same_id, &none) == NULL);
	CHECK(work_queue_promote(q, &j[2]));
	CHECK(!work_queue_promote(q, &j[0]));
	CHECK(work_queue_push(q, &j[4], WORK_QUEUE_URGENT));
	CHECK(work_queue_promote(q, &j[3]));
	CHECK(work_queue_promote(q, &j[2])); /* already urgent: keeps its place */
	CHECK_INT(work_queue_waiting(q), 4);
	open_gate();
	CHECK(wait_for(&rec.wakes, 5));
	int want[5] = {0, 2, 4, 3, 1};
	for (int i = 0; i < 5; i++)
		CHECK_INT(rec.order[i], want[i]);
	CHECK(rec.urgent[2] && rec.urgent[3] && !rec.urgent[1]);
	work_queue_free(q);
	CHECK_INT(rec.drops, 5);
}

/* A quiet push leaves a sleeping worker asleep until the kick. */
static void test_quiet_push_waits_for_kick(void)
{
	struct work_queue *q = start(&ops, 1);
	CHECK(q != NULL);
	if (!q)
		return;
	struct job j[2] = {{.id = 0}, {.id = 1}};
	CHECK(work_queue_push(q, &j[0], 0));
	CHECK(wait_for(&rec.wakes, 1));
	sleep_ms(200); /* the worker is asleep again */
	CHECK(work_queue_push(q, &j[1], WORK_QUEUE_QUIET));
	sleep_ms(200);
	CHECK_INT(get(&rec.n_run), 1);
	work_queue_kick(q);
	CHECK(wait_for(&rec.wakes, 2));
	CHECK_INT(get(&rec.n_run), 2);
	work_queue_free(q);
}

int main(void)
{
	RUN(test_urgent_first_fifo_within);
	RUN(test_done_list_and_wake);
	RUN(test_clear_drops_waiting_not_running);
	RUN(test_free_joins_with_jobs_waiting);
	RUN(test_two_workers_run_at_once);
	RUN(test_find_and_promote);
	RUN(test_quiet_push_waits_for_kick);
	return failures_ != 0;
}
