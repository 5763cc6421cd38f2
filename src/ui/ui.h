/* ui: what the interactive screens share: the renderer and caches, the
 * navigation state, the touch targets of the frame being drawn, motion
 * state, and the drawing helpers every screen uses (labels, images,
 * buttons, the language switch, the back button, touch feedback). */
#ifndef TWINHALL_UI_H
#define TWINHALL_UI_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "content/content.h"
#include "input/gesture.h"

#include "render/contrast.h"
#include "input/hit.h"
#include "image/image_decode.h"
#include "base/layout.h"
#include "nav/nav.h"
#include "input/pager.h"
#include "input/scroll.h"
#include "text/text.h"
#include "text/text_cache.h"
#include "render/texture_cache.h"
#include "render/tint.h"

/* Where a screen's own state (a pager, a scroll) was set up: the screen,
 * its city, the language (texts differ in length) and the ui's epoch. A
 * screen keeps its motion while the visitor stays at the same place. */
struct ui_place {
	enum nav_screen screen;
	int city, lang;
	unsigned epoch;
};

enum { UI_SCREENS = NAV_GIFT + 1 };

struct ui {
	SDL_Renderer *ren;
	struct text *text;
	struct text_cache *texts;
	struct texture_cache *images;
	const struct content *c;
	struct layout l;
	struct nav_state nav;
	struct hit_list hits; /* rebuilt by every draw */
	uint64_t now;
	/* Bumped when the layout or the content changes, or the visitor goes to
	 * another screen or city: every screen sets its state up afresh on its
	 * next enter. */
	unsigned epoch;
	/* Each screen's own state (see screen_state), of a type only its file
	 * knows; NULL for a screen that keeps none. */
	void *states[UI_SCREENS];
	bool pressing; /* a finger is down: feedback at press_x, press_y */
	float press_x, press_y;
	uint64_t press_ms;
	int images_waiting; /* images the last draw found still being decoded */
	struct tint scrim;  /* the caption scrim's colour, blended fast (tint.h) */
};

/* The place the ui is at now, for a screen to key its state by. */
struct ui_place ui_place_now(const struct ui *ui);

/* Whether two places are one (and of the same epoch). */
bool ui_place_same(struct ui_place a, struct ui_place b);

/* Touch targets are at least 9 mm: 80 px at 1080p on a 24" screen. */
int ui_min_target(const struct ui *ui);

/* The language code in use ("ru"). */
const char *ui_lang(const struct ui *ui);

/* The content text t in the language in use. */
const char *ui_tr(const struct ui *ui, const struct i18n *t);

/* An SDL colour from a theme colour. */
SDL_Color ui_color(struct rgb c);

/* Draws s (wrapped to max_w, at most max_lines; max_w <= 0: one line) with
 * its top-left at x, y; returns its height. Cached: nothing is rasterised
 * on a frame where it did not change. */
int ui_label(struct ui *ui, const struct text_style *st, const char *s, int x, int y, int max_w,
             int max_lines);

/* The size ui_label would draw s at, from the fonts' metrics: nothing is
 * rasterised for it. */
void ui_label_size(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                   int max_lines, int *w, int *h);

/* How many lines ui_label draws s in (from the fonts' metrics). */
int ui_label_lines(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                   int max_lines);

/* Whether the text worker is still drawing s for ui_label (asked for ahead
 * and not in yet): drawing it now would rasterise it here. */
bool ui_label_pending(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                      int max_lines);

/* Has s rasterised off the render thread for a coming frame (a neighbour's
 * caption, say), as ui_label would draw it. */
void ui_label_prefetch(struct ui *ui, const struct text_style *st, const char *s, int max_w,
                       int max_lines);

/* Draws image ref fitted to box (decoded for that size on a worker); a quiet
 * placeholder while it loads or when it cannot be shown. */
void ui_image(struct ui *ui, const struct image_ref *ref, struct rect box, enum image_fit fit);

/* A pill button with label in r that sends nav event kind(arg) on a tap;
 * selected draws it filled. */
void ui_button(struct ui *ui, struct rect r, const char *label, bool selected, int kind, int arg);

/* The width of a button for label. */
int ui_button_width(struct ui *ui, const char *label);

/* The language switch at the top right (bottom right in reach mode);
 * returns its left edge. */
int ui_lang_switch(struct ui *ui);

/* A back button at the top left (bottom left in reach mode) sending nav
 * event kind; returns its right edge. */
int ui_back(struct ui *ui, int kind);

/* Whether reach mode is on: every control in the lower part of the screen. */
bool ui_reach(const struct ui *ui);

/* The reach mode button on the row at y, its right edge at right; returns
 * its left edge. */
int ui_reach_button(struct ui *ui, int right, int y);

/* The width ui_reach_button takes. */
int ui_reach_width(struct ui *ui);

/* Whether the visitor asked for large text (the layout's reading texts
 * are then LAYOUT_LARGE_PCT percent of their designed size). */
bool ui_large_text(const struct ui *ui);

/* Makes ui->l the layout of a w x h screen with its texts at the size the
 * visitor chose (ui->nav.text); true when it changed. A ui whose layout
 * was never set (w 0) gets one only when w and h are given. */
bool ui_set_layout(struct ui *ui, int w, int h);

/* The large text button ("Aa", filled while large text is on) on the row
 * at y, its right edge at right; returns its left edge. */
int ui_text_button(struct ui *ui, int right, int y);

/* The width ui_text_button takes. */
int ui_text_width(const struct ui *ui);

/* The two mode buttons side by side, reach mode's then large text's to its
 * left, on the row at y, the right one's right edge at right; returns the
 * left edge of the pair. */
int ui_mode_buttons(struct ui *ui, int right, int y);

/* The width ui_mode_buttons takes. */
int ui_mode_width(struct ui *ui);

/* The y of the bar's row of buttons: near the top, or in reach mode near
 * the bottom. */
int ui_bar_y(const struct ui *ui);

/* Where a screen's content must end: the screen's bottom, or in reach mode
 * the top of the band of rows rows of buttons at the bottom. */
int ui_content_bottom(const struct ui *ui, int rows);

/* The ring that follows a finger while it is down (feedback within a frame). */
void ui_press_feedback(struct ui *ui);

/* Sets the screen's pager p (set up for *set_for) up for count pages at the
 * current item, unless it already serves this place, item and count: a
 * swipe's own animation goes on (through a reload too). */
void ui_pager_enter(struct ui *ui, struct pager *p, struct ui_place *set_for, int count);

/* Swipe paging of pager p: drags move the pages, a release settles them;
 * true when the release turned the page, with *ev the event (kind open)
 * that opens it. */
/* Moves the screen's scroll s with gesture g: a press stops it, a drag
 * moves it 1:1, a release flings it on (history, the gift grid). */
void ui_scroll_gesture(struct ui *ui, struct scroll *s, const struct gesture *g);

bool ui_page_gesture(struct ui *ui, struct pager *p, const struct gesture *g,
                     enum nav_event_kind open, struct nav_event *ev);

/* The status line of city's link (ui_status_text) in px-sized text at x, y,
 * wrapped to w in at most lines lines, after its dot; returns its height (0
 * when the link is active). draw false: only measures. */
int ui_status(struct ui *ui, const struct city *c, int x, int y, int w, int px, int lines,
              bool draw);

/* The largest pixel size from px down to min_px (in steps of a tenth of px)
 * at which s in face, wrapped to max_w, takes at most lines lines: text
 * made to fit before it is ever cut. min_px when none does. */
int ui_fit_px(struct ui *ui, enum text_face face, const char *s, int max_w, int lines, int px,
              int min_px);

/* Height of the top bar of interactive screens. */

int ui_bar_height(const struct ui *ui);

#endif
