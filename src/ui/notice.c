#include "ui/notice.h"

#include <stdio.h>
#include <string.h>

#include "render/draw.h"
#include "base/layout.h"
#include "render/theme.h"
#include "ui/ui_text.h"

static SDL_Color color(struct rgb c)
{
	return (SDL_Color){c.r, c.g, c.b, 255};
}

/* Draws s centred horizontally at y; returns the height used. */
static int centred(struct text *t, const struct text_style *st, const char *s, int w, int y,
                   int max_w)
{
	int lh = text_line_height(t, st->face, st->px);
	int tw = text_width(t, st->face, st->px, s, strlen(s));
	if (tw <= max_w) {
		text_draw_line(t, st, s, (w - tw) / 2, y);
		return lh;
	}
	return text_draw_paragraph(t, st, s, (w - max_w) / 2, y, max_w, 3, 0);
}

/* One quiet line for staff, in Russian and without file paths (visitors
 * read the notice too): how many errors, and where to see them. */
static void staff_line(struct text *t, const struct layout *l, struct diag *d)
{
	char line[512];
	size_t errors = d ? diag_count(d, DIAG_ERROR) : 0;
	ui_text(UI_NOTICE_STAFF, "ru", errors > 9999 ? 9999 : (int)errors, line, sizeof line);
	struct text_style st = {FACE_SANS, l->size_small, color(theme.text_soft), 0};
	int max_w = l->w - 2 * l->margin;
	int h = text_draw_paragraph(t, &st, line, 0, 0, max_w, 2, 1);
	text_draw_paragraph(t, &st, line, l->margin, l->h - l->margin - h, max_w, 2, 0);
}

void notice_draw(SDL_Renderer *ren, struct text *text, int w, int h, struct diag *d)
{
	struct layout l = layout_compute(w, h);
	draw_gradient(ren, (struct rect){0, 0, w, h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	char buf[256];
	struct text_style name = {FACE_SERIF_BOLD, l.size_name, color(theme.text), 0};
	struct text_style other = {FACE_SERIF_BOLD, l.size_heading, color(theme.text_soft), 0};
	struct text_style body = {FACE_SANS, l.size_body, color(theme.accent), 0};
	int max_w = w - 2 * l.margin, y = h * 30 / 100;
	y += centred(text, &name, ui_text(UI_HALL_NAME, "ru", 0, buf, sizeof buf), w, y, max_w);
	y += centred(text, &other, ui_text(UI_HALL_NAME, "en", 0, buf, sizeof buf), w, y, max_w);
	y += l.gap * 2;
	y += centred(text, &body, ui_text(UI_UPDATING, "ru", 0, buf, sizeof buf), w, y, max_w);
	centred(text, &body, ui_text(UI_UPDATING, "en", 0, buf, sizeof buf), w, y, max_w);
	staff_line(text, &l, d);
}
