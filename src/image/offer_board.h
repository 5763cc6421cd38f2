/* offer_board: where a worker puts up a part of its job for another worker
 * to do. While one worker decodes the top of a big photo somebody is waiting
 * for, an idle worker, or one busy with a photo nobody waits for yet, takes
 * the bottom, so that photo has both cores. The offering worker later takes
 * its part back when no helper came in time, or waits for the helper to
 * finish it. Thread-safe. */
#ifndef TWINHALL_OFFER_BOARD_H
#define TWINHALL_OFFER_BOARD_H

#include <SDL.h>
#include <stdbool.h>

enum offer_state {
	OFFER_UP,    /* on the board, waiting for a helper */
	OFFER_TAKEN, /* a helper is running it */
	OFFER_DONE,  /* the helper has finished it */
	OFFER_BACK,  /* taken back by its poster before any helper came */
};

/* A part of a job. The poster owns it and keeps it (and what ctx points
 * to) until offer_board_take_back returned true or offer_board_wait
 * returned. */
struct offer {
	void (*run)(void *ctx); /* the part, run once on the helper's thread */
	void *ctx;
	/* The board's, under its lock: */
	enum offer_state state;
	SDL_threadID poster;
	struct offer *next;
};

struct offer_board;

/* A board that calls wake(arg) after each post, so idle workers look at it
 * (wake should broadcast their condition under their lock). NULL when out
 * of memory. */
struct offer_board *offer_board_new(void (*wake)(void *arg), void *arg);

/* Frees the board; no offer may be on it or running. Accepts NULL. */
void offer_board_free(struct offer_board *b);

/* Puts o up for a helper; o->run and o->ctx are set by the caller. */
void offer_board_post(struct offer_board *b, struct offer *o);

/* True when some offer may be waiting: a cheap check without the lock, for
 * a worker's inner loop. */
bool offer_board_waiting(struct offer_board *b);

/* Runs the oldest offer not posted by the calling thread, if any, on this
 * thread; true when it ran one. */
bool offer_board_help(struct offer_board *b);

/* The poster takes o back: true when no helper had taken it (the poster
 * does the part itself); false when a helper has it (then the poster calls
 * offer_board_wait before touching what the part writes). */
bool offer_board_take_back(struct offer_board *b, struct offer *o);

/* Waits until the helper that took o has finished it. */
void offer_board_wait(struct offer_board *b, struct offer *o);

#endif
