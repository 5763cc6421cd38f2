/* The frame signal: a worker's pause point returns at once while no frame
 * is drawn, waits while one is (a helper in any frame, every decode only in
 * a transition's), and never waits longer than FRAME_SIGNAL_MAX_MS for a
 * frame that does not end. Real threads. */
#include <SDL.h>

#include "base/frame_signal.h"
#include "test.h"

static int failures_;

struct waiter {
	enum frame_phase below;
	SDL_atomic_t released; /* set by the test just before it lowers the phase */
	SDL_atomic_t entered;  /* set by the thread just before its pause */
	int released_when_back;
};

static int wait_once(void *arg)
{
	struct waiter *w = arg;
	SDL_AtomicSet(&w->entered, 1);
	frame_signal_wait_below(w->below);
	w->released_when_back = SDL_AtomicGet(&w->released);
	return 0;
}

/* Starts a waiter for phase below, lets 20 ms pass (a frame's drawing),
 * marks the release and sets phase then; says whether the waiter came back
 * only after the release. */
static int waited(enum frame_phase below, enum frame_phase then)
{
	struct waiter w = {.below = below};
	SDL_Thread *t = SDL_CreateThread(wait_once, "wait", &w);
	while (!SDL_AtomicGet(&w.entered))
		SDL_Delay(1);
	SDL_Delay(20);
	SDL_AtomicSet(&w.released, 1);
	frame_signal_set(then);
	SDL_WaitThread(t, NULL);
	return w.released_when_back;
}

static void test_helpers_pause_while_a_frame_is_drawn(void)
{
	frame_signal_set(FRAME_IDLE);
	frame_signal_wait_below(FRAME_DRAWING); /* no frame: returns at once */
	frame_signal_set(FRAME_DRAWING);
	CHECK_INT(frame_signal_get(), FRAME_DRAWING);
	CHECK_INT(waited(FRAME_DRAWING, FRAME_IDLE), 1);
}

/* A decode's own rows go on while an ordinary frame is drawn, and wait
 * while a frame of a transition is. */
static void test_every_decode_pauses_in_a_transition(void)
{
	frame_signal_set(FRAME_DRAWING);
	CHECK_INT(waited(FRAME_TRANSITION, FRAME_IDLE), 0); /* it did not wait for the frame */
	frame_signal_set(FRAME_TRANSITION);
	CHECK_INT(waited(FRAME_TRANSITION, FRAME_DRAWING), 1); /* lowered, not ended: goes on */
	frame_signal_set(FRAME_TRANSITION);
	CHECK_INT(waited(FRAME_DRAWING, FRAME_IDLE), 1); /* helpers wait in a transition too */
}

/* A frame that never ends holds a worker FRAME_SIGNAL_MAX_MS at most. */
static void test_a_frame_never_ended_holds_only_so_long(void)
{
	frame_signal_set(FRAME_TRANSITION);
	Uint64 t0 = SDL_GetTicks64();
	frame_signal_wait_below(FRAME_DRAWING);
	Uint64 took = SDL_GetTicks64() - t0;
	CHECK(took >= FRAME_SIGNAL_MAX_MS - 1);
	CHECK(took < FRAME_SIGNAL_MAX_MS * 4);
	frame_signal_set(FRAME_IDLE);
}

int main(void)
{
	if (SDL_Init(0) != 0)
		return 1;
	RUN(test_helpers_pause_while_a_frame_is_drawn);
	RUN(test_every_decode_pauses_in_a_transition);
	RUN(test_a_frame_never_ended_holds_only_so_long);
	SDL_Quit();
	return failures_ != 0;
}
