#include "ui/keypad.h"

#include "base/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/hit.h"
#include "render/draw.h"
#include "render/theme.h"
#include "ui/ui.h"

enum { TEXT_BUDGET = 1 << 20, HIT_KEY = 1 };

enum keypad_str { K_TITLE, K_HINT, K_WRONG, K_LOCKED, K_ERASE, K_OK, K_CANCEL, K_COUNT };

/* The keypad's words, in English; translated where they are used (po/ru.po). */
static const char *const words[K_COUNT] = {
    [K_TITLE] = N_("Staff PIN"), [K_HINT] = N_("For the hall's staff: the PIN is set in hall.yaml"),
    [K_WRONG] = N_("Wrong PIN"), [K_LOCKED] = N_("Too many wrong PINs: try again in %d s"),
    [K_ERASE] = N_("Erase"),     [K_OK] = N_("OK"),
    [K_CANCEL] = N_("Cancel"),
};

struct keypad {
	struct ui ui;
	struct gesture_recognizer *gestures;
	struct rect keys[KEYPAD_KEYS];
};

struct keypad *keypad_new(SDL_Renderer *ren, struct text *text, float dpi)
{
	struct keypad *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	struct gesture_config gc = gesture_config_default(dpi);
	k->ui = (struct ui){.ren = ren, .text = text};
	k->ui.texts = text_cache_new(ren, text, TEXT_BUDGET);
	k->gestures = gesture_new(&gc);
	if (!k->ui.texts || !k->gestures) {
		keypad_free(k);
		return NULL;
	}
	return k;
}

void keypad_free(struct keypad *k)
{
	if (!k)
		return;
	gesture_free(k->gestures);
	text_cache_free(k->ui.texts);
	free(k);
}

void keypad_reset(struct keypad *k)
{
	gesture_reset(k->gestures);
}

bool keypad_input(struct keypad *k, const struct gesture_input *in, int *key)
{
	struct gesture out[GESTURE_MAX_OUT];
	size_t n = gesture_feed(k->gestures, in, out, GESTURE_MAX_OUT);
	for (size_t i = 0; i < n; i++) {
		if (out[i].kind != GESTURE_TAP)
			continue;
		const struct hit_target *t =
		    hit_find(&k->ui.hits, out[i].x, out[i].y, ui_min_target(&k->ui));
		if (t && t->id == HIT_KEY) {
			*key = t->arg;
			return true;
		}
	}
	return false;
}

struct rect keypad_key_rect(const struct keypad *k, int key)
{
	return key >= 0 && key < KEYPAD_KEYS ? k->keys[key] : (struct rect){0, 0, 0, 0};
}

static const char *w(enum keypad_str s)
{
	return _(words[s]);
}

/* One dot per digit typed (never the PIN's length), or what is wrong. */
static void status_line(struct keypad *k, const struct pin_pad *pad, int x, int y, int width,
                        uint64_t now)
{
	struct ui *ui = &k->ui;
	struct text_style warn = {FACE_SANS_BOLD, ui->l.size_body, ui_color(theme.warn), 0};
	char buf[256];
	if (pad->state == PIN_PAD_WRONG) {
		ui_label(ui, &warn, w(K_WRONG), x, y, width, 1);
	} else if (pad->state == PIN_PAD_LOCKED) {
		int left = (int)((pad->locked_until - now + 999) / 1000);
		snprintf(buf, sizeof buf, w(K_LOCKED), left);
		ui_label(ui, &warn, buf, x, y, width, 2);
	} else {
		int r = layout_px(&ui->l, 12), step = layout_px(&ui->l, 40);
		for (int i = 0; i < pad->len; i++)
			draw_circle(ui->ren, x + r + i * step, y + ui->l.size_body / 2 + r / 2, r,
			            theme.text, 255);
	}
}

/* The keys in four rows of three (1-9, then Erase 0 OK), Cancel below. */
static void keys(struct keypad *k, int x, int y, int kw, int kh, int gap)
{
	static const int order[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, KEYPAD_ERASE, 0, KEYPAD_OK};
	struct ui *ui = &k->ui;
	for (int i = 0; i < 12; i++) {
		int key = order[i];
		struct rect r = {x + (i % 3) * (kw + gap), y + (i / 3) * (kh + gap), kw, kh};
		char label[8];
		snprintf(label, sizeof label, "%d", key);
		const char *s = key == KEYPAD_ERASE ? w(K_ERASE)
		                : key == KEYPAD_OK  ? w(K_OK)
		                                    : label;
		ui_button(ui, r, s, key == KEYPAD_OK, HIT_KEY, key);
		k->keys[key] = r;
	}
	struct rect c = {x, y + 4 * (kh + gap), 3 * kw + 2 * gap, kh};
	ui_button(ui, c, w(K_CANCEL), false, HIT_KEY, KEYPAD_CANCEL);
	k->keys[KEYPAD_CANCEL] = c;
}

void keypad_draw(struct keypad *k, const struct pin_pad *pad, int sw, int sh, uint64_t now)
{
	struct ui *ui = &k->ui;
	if (ui->l.w != sw || ui->l.h != sh) {
		ui->l = layout_compute(sw, sh);
		text_cache_clear(ui->texts);
	}
	hit_clear(&ui->hits);
	const struct layout *l = &ui->l;
	int gap = layout_px(l, 20), kh = ui_min_target(ui) + layout_px(l, 20);
	int kw = ui_button_width(ui, w(K_ERASE));
	if (kw < kh * 3 / 2)
		kw = kh * 3 / 2;
	int pad_x = layout_px(l, 48), grid_w = 3 * kw + 2 * gap;
	int card_w = grid_w + 2 * pad_x;
	struct text_style title = {FACE_SERIF_BOLD, l->size_sub, ui_color(theme.text), 0};
	struct text_style hint = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	int tw, title_h, hint_h, status_h = l->size_body * 2 + gap;
	ui_label_size(ui, &title, w(K_TITLE), grid_w, 2, &tw, &title_h);
	ui_label_size(ui, &hint, w(K_HINT), grid_w, 3, &tw, &hint_h);
	int card_h = 2 * pad_x + title_h + gap / 2 + hint_h + gap + status_h + 5 * kh + 4 * gap;
	struct rect card = {(sw - card_w) / 2, (sh - card_h) / 2, card_w, card_h};
	draw_fill(ui->ren, (struct rect){0, 0, sw, sh}, theme.scrim, 235);
	draw_fill(ui->ren, card, theme.backdrop_top, 255);
	int x = card.x + pad_x, y = card.y + pad_x;
	y += ui_label(ui, &title, w(K_TITLE), x, y, grid_w, 2) + gap / 2;
	y += ui_label(ui, &hint, w(K_HINT), x, y, grid_w, 3) + gap;
	status_line(k, pad, x, y, grid_w, now);
	y += status_h;
	keys(k, x, y, kw, kh, gap);
	text_cache_frame(ui->texts);
}
