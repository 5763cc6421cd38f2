#include "image/offer_board.h"

#include <stdlib.h>

struct offer_board {
	SDL_mutex *lock;
	SDL_cond *done;   /* signalled when a helper finishes an offer */
	struct offer *up; /* offers waiting, oldest first */
	SDL_atomic_t n_up;
	void (*wake)(void *arg);
	void *wake_arg;
};

struct offer_board *offer_board_new(void (*wake)(void *arg), void *arg)
{
	struct offer_board *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->wake = wake;
	b->wake_arg = arg;
	b->lock = SDL_CreateMutex();
	b->done = SDL_CreateCond();
	if (!b->lock || !b->done) {
		offer_board_free(b);
		return NULL;
	}
	return b;
}

void offer_board_free(struct offer_board *b)
{
	if (!b)
		return;
	SDL_DestroyCond(b->done);
	SDL_DestroyMutex(b->lock);
	free(b);
}

void offer_board_post(struct offer_board *b, struct offer *o)
{
	SDL_LockMutex(b->lock);
	o->state = OFFER_UP;
	o->poster = SDL_ThreadID();
	o->next = NULL;
	struct offer **at = &b->up;
	while (*at)
		at = &(*at)->next;
	*at = o;
	SDL_AtomicAdd(&b->n_up, 1);
	SDL_UnlockMutex(b->lock);
	if (b->wake)
		b->wake(b->wake_arg);
}

bool offer_board_waiting(struct offer_board *b)
{
	return SDL_AtomicGet(&b->n_up) > 0;
}

/* Takes o off the list of waiting offers; the lock is held. */
static void unlink_offer(struct offer_board *b, struct offer *o)
{
	for (struct offer **at = &b->up; *at; at = &(*at)->next)
		if (*at == o) {
			*at = o->next;
			SDL_AtomicAdd(&b->n_up, -1);
			return;
		}
}

bool offer_board_help(struct offer_board *b)
{
	if (!offer_board_waiting(b))
		return false;
	SDL_threadID me = SDL_ThreadID();
	SDL_LockMutex(b->lock);
	struct offer *o = b->up;
	while (o && o->poster == me)
		o = o->next;
	if (o) {
		unlink_offer(b, o);
		o->state = OFFER_TAKEN;
	}
	SDL_UnlockMutex(b->lock);
	if (!o)
		return false;
	o->run(o->ctx);
	SDL_LockMutex(b->lock);
	o->state = OFFER_DONE;
	SDL_CondBroadcast(b->done);
	SDL_UnlockMutex(b->lock);
	return true;
}

bool offer_board_take_back(struct offer_board *b, struct offer *o)
{
	SDL_LockMutex(b->lock);
	bool back = o->state == OFFER_UP;
	if (back) {
		unlink_offer(b, o);
		o->state = OFFER_BACK;
	}
	SDL_UnlockMutex(b->lock);
	return back;
}

void offer_board_wait(struct offer_board *b, struct offer *o)
{
	SDL_LockMutex(b->lock);
	while (o->state == OFFER_TAKEN)
		SDL_CondWait(b->done, b->lock);
	SDL_UnlockMutex(b->lock);
}
