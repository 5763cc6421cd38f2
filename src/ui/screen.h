/* screen: the interactive screens as variants behind one table. The app
 * turns taps on registered targets into navigation events itself; a screen
 * handles the gestures that move its own content (swipes, drags, pinches)
 * and draws itself, registering its touch targets as it draws. */
#ifndef TWINHALL_SCREEN_H
#define TWINHALL_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "input/gesture.h"
#include "nav/nav.h"
#include "ui/ui.h"

/* name and draw are required; the other ops are optional (NULL: the
 * screen keeps no state to set up, takes no gestures, never moves), and
 * are called through the screen_* functions below, which know that. */
struct screen_ops {
	const char *name;
	size_t state_size; /* bytes of the screen's own state (screen_state); 0: none */
	/* The place changed to this screen (or to another item on it). */
	void (*enter)(struct ui *ui);
	/* The content was reloaded and the visitor's place is still in it: the
	 * screen fits its state to the new content, keeping what the visitor
	 * did (a scroll, a zoom) where it still fits. */
	void (*reload)(struct ui *ui);
	/* A gesture other than a tap on a target; true when it made *ev for
	 * the navigation (a swipe to the next photo, say). */
	bool (*gesture)(struct ui *ui, const struct gesture *g, struct nav_event *ev);
	/* True while something on the screen is still moving. */
	bool (*moving)(const struct ui *ui);
	/* Draws the whole screen and registers its targets in ui->hits. */
	void (*draw)(struct ui *ui);
	/* Lets go of what the screen's state holds (textures, say) before the
	 * state itself is freed. */
	void (*free_state)(void *state);
};

/* The state of screen s in ui, of the type only s's file knows: its
 * state_size bytes, zeroed when screen_states_new made them. NULL for a
 * screen that keeps none. */
void *screen_state(struct ui *ui, enum nav_screen s);
const void *screen_state_const(const struct ui *ui, enum nav_screen s);

/* Makes every screen's state in ui; false when out of memory (then
 * screen_states_free lets go of those made). */
bool screen_states_new(struct ui *ui);

/* Lets go of every screen's state in ui. */
void screen_states_free(struct ui *ui);

/* s's enter, when it has one, after ui's layout is made to follow the
 * text size the visitor chose (a change bumps the epoch). */
void screen_enter(const struct screen_ops *s, struct ui *ui);

/* s's reload, when it has one. */
void screen_reload(const struct screen_ops *s, struct ui *ui);

/* s's gesture, when it has one; false otherwise. */
bool screen_gesture(const struct screen_ops *s, struct ui *ui, const struct gesture *g,
                    struct nav_event *ev);

/* s's moving, when it has one; false otherwise. */
bool screen_moving(const struct screen_ops *s, const struct ui *ui);

/* The screen that shows nav screen s; never NULL for an interactive screen,
 * NULL for NAV_ATTRACT (the attract loop is the player's). */
const struct screen_ops *screen_of(enum nav_screen s);

extern const struct screen_ops screen_home, screen_photos, screen_history, screen_gifts,
    screen_gift;

/* Shared by the city screens: the y where content starts below the top bar
 * (back, the city, its sections, the language switch), and the bar itself,
 * drawn last, over the content. */
int screen_city_top(struct ui *ui);
void screen_city_bar(struct ui *ui);

/* The gift page of gift i of the current city, below top: where its
 * picture and its words go (text.h their height), the picture giving
 * way until the words end above the buttons, where they can. */
void screen_gift_page(struct ui *ui, size_t i, int top, struct rect *img, struct rect *text);

/* The gift grid of the current city as its screen draws it: the band the
 * cards scroll in, and the first card's box, not scrolled. */
void screen_gift_grid(struct ui *ui, struct rect *band, struct rect *first);

/* Where the gift page starts, below the bar. */
int screen_gift_top(struct ui *ui);

#endif
