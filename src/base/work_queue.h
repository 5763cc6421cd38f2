/* work_queue: jobs for background threads, and their results back to the
 * thread that owns the queue. The owner pushes jobs, urgent ones (what is on
 * screen now) before the others and first in, first out within each; a
 * worker thread takes the next, runs it and puts it on the done list, and
 * the wake callback tells the owner (it pushes the owner's SDL event), who
 * takes the finished jobs in on its own thread. A job is the owner's
 * pointer and is its own result: run fills it in. Every thread runs in the
 * background class (thread_background) and as a bigalloc worker, so the
 * memory it readies is left for the owner. The text worker and the image
 * loader are built on it. */
#ifndef TWINHALL_WORK_QUEUE_H
#define TWINHALL_WORK_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct work_queue;

/* What the threads do with the owner's jobs; ctx is given to each. */
struct work_queue_ops {
	/* Runs job on a worker thread; urgent is its priority when taken. It
	 * may end early once work_queue_stopping is true. Required. */
	void (*run)(void *ctx, void *job, bool urgent);
	/* Frees a job the owner does not get back: one still waiting at
	 * work_queue_clear, one waiting or done at work_queue_free. Required. */
	void (*drop)(void *ctx, void *job);
	/* Called on a worker thread, not under the queue's lock, after a job
	 * has landed on the done list. Optional. */
	void (*wake)(void *ctx);
};

/* Flags of work_queue_push. */
enum {
	WORK_QUEUE_URGENT = 1, /* before every job not urgent */
	WORK_QUEUE_QUIET = 2,  /* wakes no sleeping thread: work_queue_kick will */
};

/* Starts workers threads (at least 1) that run jobs, named name (at most
 * 15 bytes are kept). ops and ctx are borrowed and must outlive the queue.
 * NULL on failure. */
struct work_queue *work_queue_new(const struct work_queue_ops *ops, void *ctx, int workers,
                                  const char *name);

/* Stops the threads and waits for them: a running job finishes first (or
 * ends early, see work_queue_stopping); jobs waiting or done and not taken
 * go to ops->drop. Accepts NULL. Owner's thread. */
void work_queue_free(struct work_queue *q);

/* Queues job (flags: WORK_QUEUE_*), which the queue holds until the owner
 * takes it back. False when out of memory: job stays the caller's.
 * Owner's thread. */
bool work_queue_push(struct work_queue *q, void *job, unsigned flags);

/* Wakes every sleeping thread to take the jobs waiting (after quiet
 * pushes); does nothing when no job waits. Any thread. */
void work_queue_kick(struct work_queue *q);

/* How many jobs are waiting, not yet taken by a thread. */
size_t work_queue_waiting(struct work_queue *q);

/* The first job waiting or running for which same(job, key) is true, or
 * NULL; same is called under the queue's lock. The pointer stays good until
 * the owner takes the job back. Owner's thread. */
void *work_queue_find(struct work_queue *q, bool (*same)(const void *job, const void *key),
                      const void *key);

/* Makes a waiting job urgent, behind the urgent ones already waiting (an
 * urgent one keeps its place). False when job is not waiting (running or
 * done already). Owner's thread. */
bool work_queue_promote(struct work_queue *q, void *job);

/* Drops every job still waiting (ops->drop, on this thread); running ones
 * go on and land on the done list. Owner's thread. */
void work_queue_clear(struct work_queue *q);

/* Takes the oldest finished job back, or NULL when none is done; the
 * caller owns it again. Owner's thread. */
void *work_queue_take(struct work_queue *q);

/* True once work_queue_free has begun: a long job may poll it to end
 * early. Any thread, no lock. */
bool work_queue_stopping(const struct work_queue *q);

#endif
