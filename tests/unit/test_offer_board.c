/* The offer board: a part put up is run once, by another thread; its poster
 * takes it back when nobody came, or waits for the helper; helpers pause
 * while a frame is drawn. */
#include <SDL.h>

#include "image/offer_board.h"
#include "test.h"

static int failures_;

struct part {
	SDL_atomic_t runs;
	SDL_threadID ran_on;
};

static void run_part(void *ctx)
{
	struct part *p = ctx;
	p->ran_on = SDL_ThreadID();
	SDL_AtomicAdd(&p->runs, 1);
}

static SDL_atomic_t wakes;

static void count_wake(void *arg)
{
	(void)arg;
	SDL_AtomicAdd(&wakes, 1);
}

/* Helps until one offer was run (or a second passed). */
static int helper(void *arg)
{
	struct offer_board *b = arg;
	for (int i = 0; i < 1000; i++) {
		if (offer_board_help(b))
			return 1;
		SDL_Delay(1);
	}
	return 0;
}

static void test_nobody_came_so_taken_back(void)
{
	struct offer_board *b = offer_board_new(count_wake, NULL);
	struct part p = {0};
	struct offer o = {.run = run_part, .ctx = &p};
	int before = SDL_AtomicGet(&wakes);
	offer_board_post(b, &o);
	CHECK_INT(SDL_AtomicGet(&wakes), before + 1); /* idle workers told */
	CHECK(offer_board_waiting(b));
	CHECK(!offer_board_help(b)); /* its own poster never helps itself */
	CHECK(offer_board_take_back(b, &o));
	CHECK_INT(o.state, OFFER_BACK);
	CHECK(!offer_board_waiting(b));
	CHECK_INT(SDL_AtomicGet(&p.runs), 0);
	offer_board_free(b);
}

static void test_helper_runs_it_once_and_poster_waits(void)
{
	struct offer_board *b = offer_board_new(NULL, NULL);
	struct part p = {0};
	struct offer o = {.run = run_part, .ctx = &p};
	offer_board_post(b, &o);
	SDL_Thread *t = SDL_CreateThread(helper, "helper", b);
	int ran = 0;
	SDL_WaitThread(t, &ran);
	CHECK_INT(ran, 1);
	CHECK(!offer_board_take_back(b, &o)); /* a helper had it */
	offer_board_wait(b, &o);
	CHECK_INT(o.state, OFFER_DONE);
	CHECK_INT(SDL_AtomicGet(&p.runs), 1);
	CHECK(p.ran_on != SDL_ThreadID());
	CHECK(!offer_board_help(b)); /* nothing left */
	offer_board_free(b);
}

/* Oldest first, and each offer to one helper only. */
static void test_two_offers_two_helpers(void)
{
	struct offer_board *b = offer_board_new(NULL, NULL);
	struct part p[2] = {0};
	struct offer o[2] = {{.run = run_part, .ctx = &p[0]}, {.run = run_part, .ctx = &p[1]}};
	offer_board_post(b, &o[0]);
	offer_board_post(b, &o[1]);
	SDL_Thread *t[2] = {SDL_CreateThread(helper, "h0", b), SDL_CreateThread(helper, "h1", b)};
	for (int i = 0; i < 2; i++)
		SDL_WaitThread(t[i], NULL);
	for (int i = 0; i < 2; i++) {
		CHECK(!offer_board_take_back(b, &o[i]));
		offer_board_wait(b, &o[i]);
		CHECK_INT(SDL_AtomicGet(&p[i].runs), 1);
	}
	offer_board_free(b);
}

int main(void)
{
	RUN(test_nobody_came_so_taken_back);
	RUN(test_helper_runs_it_once_and_poster_waits);
	RUN(test_two_offers_two_helpers);
	return failures_ != 0;
}
