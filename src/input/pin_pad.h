/* pin_pad: the staff PIN asked for after the corner hold, as one state
 * machine over key presses and a clock. Visitors who find the corner see
 * a keypad and get no further; wrong PINs lock it for a while, so the 10^4
 * PINs of four digits cannot be tried in an afternoon. Pure: no SDL, times
 * are given. */
#ifndef TWINHALL_PIN_PAD_H
#define TWINHALL_PIN_PAD_H

#include <stdbool.h>
#include <stdint.h>

enum {
	PIN_PAD_MAX = 8,         /* digits held, as hall.yaml's staff_pin at most */
	PIN_PAD_WRONG_MS = 1500, /* "wrong PIN" stays this long */
	PIN_PAD_TRIES = 5,       /* wrong PINs in a row before the lock */
	PIN_PAD_LOCK_MS = 60000, /* how long the lock lasts */
	PIN_PAD_IDLE_MS = 30000, /* the keypad closes when left alone this long */
};

enum pin_pad_state {
	PIN_PAD_CLOSED,   /* not shown */
	PIN_PAD_ENTERING, /* shown; digits being typed */
	PIN_PAD_WRONG,    /* the last PIN was wrong: said until wrong_until */
	PIN_PAD_LOCKED,   /* too many wrong PINs: keys do nothing until locked_until */
	PIN_PAD_ACCEPTED, /* the right PIN (or none is set): the panel may open */
};

enum pin_pad_key {
	PIN_KEY_DIGIT, /* with digit 0-9 */
	PIN_KEY_ERASE, /* the last digit out */
	PIN_KEY_OK,    /* the PIN typed is judged */
	PIN_KEY_CANCEL,
};

struct pin_pad {
	enum pin_pad_state state;
	char typed[PIN_PAD_MAX + 1];
	int len;
	int wrong;             /* wrong PINs in a row */
	uint64_t wrong_until;  /* WRONG: when typing may go on */
	uint64_t locked_until; /* the lock's end; kept when the keypad closes */
	uint64_t last_input;
};

/* A closed pad. */
void pin_pad_init(struct pin_pad *p);

/* The corner was held: shows the keypad (LOCKED while a lock lasts), or
 * ACCEPTED at once when pin is "" (no PIN set). Returns the new state. */
enum pin_pad_state pin_pad_open(struct pin_pad *p, const char *pin, uint64_t now);

/* One key (digit used for PIN_KEY_DIGIT) against pin at now. Returns the
 * new state. Keys do nothing while CLOSED, ACCEPTED or LOCKED (but
 * CANCEL, which always closes). */
enum pin_pad_state pin_pad_key(struct pin_pad *p, enum pin_pad_key key, int digit, const char *pin,
                               uint64_t now);

/* Moves time on: WRONG back to ENTERING, a lock's end, closing when left
 * alone. Returns the new state. */
enum pin_pad_state pin_pad_tick(struct pin_pad *p, uint64_t now);

/* Closes the pad (after ACCEPTED, once the panel is open); a lock stays. */
void pin_pad_close(struct pin_pad *p);

/* When pin_pad_tick next changes something; UINT64_MAX when nothing. */
uint64_t pin_pad_deadline(const struct pin_pad *p);

/* Whether the keypad is on screen. */
bool pin_pad_shown(const struct pin_pad *p);

#endif
