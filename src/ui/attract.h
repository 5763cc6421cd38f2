/* attract: the loop the hall plays when nobody touches it. Which item comes
 * at each position of the loop, and when to hold and crossfade. Pure. */
#ifndef TWINHALL_ATTRACT_H
#define TWINHALL_ATTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content/content.h"

enum attract_kind {
	ATTRACT_PHOTO,   /* a city's photo with its caption */
	ATTRACT_HISTORY, /* one moment of a city's history */
	ATTRACT_GIFT,    /* a gift exchanged with Perm */
	ATTRACT_CITY,    /* a city with no photos: its flag and facts */
};

struct attract_item {
	enum attract_kind kind;
	size_t city;  /* index in hall.cities */
	size_t index; /* index in the city's photos, history or gifts */
	uint64_t seq; /* its position in the endless loop */
};

/* Items in one pass over every city: each city's photos (or its card when
 * it has none), one history moment when it has history, then its gifts. */
size_t attract_cycle_length(const struct hall *h);

/* The item at position seq of the endless loop. Each pass shows the next
 * history moment of every city, so a long run goes through all of them. */
struct attract_item attract_item_at(const struct hall *h, uint64_t seq);

enum attract_phase { ATTRACT_HOLD, ATTRACT_FADE };

/* Where the loop is: item seq, holding or fading to seq + 1 since since_ms. */
struct attract_state {
	uint64_t seq;
	enum attract_phase phase;
	uint64_t since_ms;
};

/* The loop at its first item, holding from now. */
struct attract_state attract_begin(uint64_t now_ms);

/* Moves the loop on to now: a hold ends after hold_ms when the next item is
 * ready (otherwise it holds on), and a fade ends after fade_ms. Returns true
 * when the picture changed. */
bool attract_step(struct attract_state *s, uint64_t now_ms, uint64_t hold_ms, uint64_t fade_ms,
                  bool next_ready);

/* How far the fade to the next item is, 0 to 1000, eased; 0 when holding. */
int attract_fade_permille(const struct attract_state *s, uint64_t now_ms, uint64_t fade_ms);

/* The time at which attract_step will next change something, assuming the
 * next item is ready; now_ms when a fade is running (draw every frame). */
uint64_t attract_deadline(const struct attract_state *s, uint64_t now_ms, uint64_t hold_ms);

#endif
