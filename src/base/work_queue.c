#include "base/work_queue.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/bigalloc.h"
#include "base/thread_background.h"

/* Linux keeps 15 bytes of a thread's name. */
enum { THREAD_NAME_MAX = 16 };

struct item {
	void *job;
	bool urgent;
	struct item *next;
};

/* First in, first out. */
struct list {
	struct item *head, *tail;
};

struct thread {
	struct work_queue *q;
	pthread_t id;
	struct item *running; /* under the lock */
};

struct work_queue {
	const struct work_queue_ops *ops;
	void *ctx;
	pthread_mutex_t lock;
	pthread_cond_t wake; /* a job was pushed, a kick, or stopping */
	/* Under the lock: */
	struct list urgent, normal, done;
	size_t waiting;
	atomic_bool stopping;
	struct thread *threads;
	int n_threads; /* started */
};

static void list_append(struct list *l, struct item *it)
{
	it->next = NULL;
	if (l->tail)
		l->tail->next = it;
	else
		l->head = it;
	l->tail = it;
}

static struct item *list_pop(struct list *l)
{
	struct item *it = l->head;
	if (it) {
		l->head = it->next;
		if (!l->head)
			l->tail = NULL;
	}
	return it;
}

/* Takes it, which is in l, out of l. */
static void list_unlink(struct list *l, struct item *it)
{
	struct item *prev = NULL;
	for (struct item **at = &l->head; *at; prev = *at, at = &(*at)->next)
		if (*at == it) {
			*at = it->next;
			if (l->tail == it)
				l->tail = prev;
			return;
		}
}

/* Drops every job of l and frees its items. */
static void list_drop(struct work_queue *q, struct list *l)
{
	struct item *it;
	while ((it = list_pop(l))) {
		q->ops->drop(q->ctx, it->job);
		free(it);
	}
}

/* The next job to run, urgent ones first; the lock is held. */
static struct item *next_job(struct work_queue *q)
{
	struct item *it = list_pop(&q->urgent);
	if (!it)
		it = list_pop(&q->normal);
	if (it)
		q->waiting--;
	return it;
}

/* Runs it on thread t and puts it on the done list; the lock is held on
 * entry and on return, released while the job runs. */
static void run_job(struct thread *t, struct item *it)
{
	struct work_queue *q = t->q;
	t->running = it;
	pthread_mutex_unlock(&q->lock);
	q->ops->run(q->ctx, it->job, it->urgent);
	pthread_mutex_lock(&q->lock);
	t->running = NULL;
	list_append(&q->done, it);
	if (q->ops->wake) {
		pthread_mutex_unlock(&q->lock);
		q->ops->wake(q->ctx);
		pthread_mutex_lock(&q->lock);
	}
}

static void *thread_main(void *arg)
{
	struct thread *t = arg;
	struct work_queue *q = t->q;
	bigalloc_worker();
	thread_background();
	pthread_mutex_lock(&q->lock);
	while (!atomic_load(&q->stopping)) {
		struct item *it = next_job(q);
		if (it)
			run_job(t, it);
		else
			pthread_cond_wait(&q->wake, &q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

/* Starts thread t, named name; false when it cannot. */
static bool start_thread(struct work_queue *q, struct thread *t, const char *name)
{
	t->q = q;
	if (pthread_create(&t->id, NULL, thread_main, t) != 0)
		return false;
	char n[THREAD_NAME_MAX];
	snprintf(n, sizeof n, "%s", name);
	pthread_setname_np(t->id, n); /* for top and perf only: a failure changes nothing */
	return true;
}

struct work_queue *work_queue_new(const struct work_queue_ops *ops, void *ctx, int workers,
                                  const char *name)
{
	if (workers < 1)
		return NULL;
	struct work_queue *q = calloc(1, sizeof *q);
	if (!q)
		return NULL;
	q->ops = ops;
	q->ctx = ctx;
	atomic_init(&q->stopping, false);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->wake, NULL);
	q->threads = calloc((size_t)workers, sizeof *q->threads);
	if (!q->threads)
		goto fail;
	for (int i = 0; i < workers; i++) {
		if (!start_thread(q, &q->threads[i], name))
			goto fail;
		q->n_threads++;
	}
	return q;
fail:
	work_queue_free(q);
	return NULL;
}

void work_queue_free(struct work_queue *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->lock);
	atomic_store(&q->stopping, true);
	pthread_cond_broadcast(&q->wake);
	pthread_mutex_unlock(&q->lock);
	for (int i = 0; i < q->n_threads; i++)
		pthread_join(q->threads[i].id, NULL);
	list_drop(q, &q->urgent);
	list_drop(q, &q->normal);
	list_drop(q, &q->done);
	free(q->threads);
	pthread_cond_destroy(&q->wake);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

bool work_queue_push(struct work_queue *q, void *job, unsigned flags)
{
	struct item *it = malloc(sizeof *it);
	if (!it)
		return false;
	it->job = job;
	it->urgent = flags & WORK_QUEUE_URGENT;
	pthread_mutex_lock(&q->lock);
	list_append(it->urgent ? &q->urgent : &q->normal, it);
	q->waiting++;
	if (!(flags & WORK_QUEUE_QUIET))
		pthread_cond_signal(&q->wake);
	pthread_mutex_unlock(&q->lock);
	return true;
}

void work_queue_kick(struct work_queue *q)
{
	pthread_mutex_lock(&q->lock);
	/* Called once a frame: threads sleep on when they have nothing to do. */
	if (q->waiting)
		pthread_cond_broadcast(&q->wake);
	pthread_mutex_unlock(&q->lock);
}

size_t work_queue_waiting(struct work_queue *q)
{
	pthread_mutex_lock(&q->lock);
	size_t n = q->waiting;
	pthread_mutex_unlock(&q->lock);
	return n;
}

/* The item of the first job of l for which same(job, key), or NULL. */
static struct item *list_find(struct list *l, bool (*same)(const void *, const void *),
                              const void *key)
{
	for (struct item *it = l->head; it; it = it->next)
		if (same(it->job, key))
			return it;
	return NULL;
}

void *work_queue_find(struct work_queue *q, bool (*same)(const void *job, const void *key),
                      const void *key)
{
	pthread_mutex_lock(&q->lock);
	struct item *it = list_find(&q->urgent, same, key);
	if (!it)
		it = list_find(&q->normal, same, key);
	for (int i = 0; !it && i < q->n_threads; i++) {
		struct item *r = q->threads[i].running;
		if (r && same(r->job, key))
			it = r;
	}
	void *job = it ? it->job : NULL;
	pthread_mutex_unlock(&q->lock);
	return job;
}

static bool same_job(const void *job, const void *key)
{
	return job == key;
}

bool work_queue_promote(struct work_queue *q, void *job)
{
	pthread_mutex_lock(&q->lock);
	bool waiting = list_find(&q->urgent, same_job, job) != NULL;
	struct item *it = waiting ? NULL : list_find(&q->normal, same_job, job);
	if (it) {
		list_unlink(&q->normal, it);
		it->urgent = true;
		list_append(&q->urgent, it);
		waiting = true;
	}
	pthread_mutex_unlock(&q->lock);
	return waiting;
}

void work_queue_clear(struct work_queue *q)
{
	pthread_mutex_lock(&q->lock);
	struct list urgent = q->urgent, normal = q->normal;
	q->urgent = q->normal = (struct list){NULL, NULL};
	q->waiting = 0;
	pthread_mutex_unlock(&q->lock);
	list_drop(q, &urgent); /* not under the lock: drop may take its time */
	list_drop(q, &normal);
}

void *work_queue_take(struct work_queue *q)
{
	pthread_mutex_lock(&q->lock);
	struct item *it = list_pop(&q->done);
	pthread_mutex_unlock(&q->lock);
	if (!it)
		return NULL;
	void *job = it->job;
	free(it);
	return job;
}

bool work_queue_stopping(const struct work_queue *q)
{
	return atomic_load(&q->stopping);
}
