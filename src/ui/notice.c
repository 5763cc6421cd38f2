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

static void staff_lines(struct text *t, const struct layout *l, struct diag *d, const char *dir)
{
	const struct diag_item *first = NULL;
	size_t errors = diag_count(d, DIAG_ERROR);
	for (size_t i = 0; i < diag_size(d) && !first; i++)
		if (diag_get(d, i)->level == DIAG_ERROR)
			first = diag_get(d, i);
	char line[1200], msg[1024] = "";
	if (first)
		diag_format(first, dir, msg, sizeof msg);
	snprintf(line, sizeof line, "For staff: %zu problem%s in %s (run: twinhall --check %s). %s",
	         errors, errors == 1 ? "" : "s", dir, dir, msg);
	struct text_style st = {FACE_SANS, l->size_small, color(theme.text_soft), 0};
	int max_w = l->w - 2 * l->margin;
	int h = text_draw_paragraph(t, &st, line, 0, 0, max_w, 3, 1);
	text_draw_paragraph(t, &st, line, l->margin, l->h - l->margin - h, max_w, 3, 0);
}

void notice_draw(SDL_Renderer *ren, struct text *text, int w, int h, struct diag *d,
                 const char *dir)
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
	staff_lines(text, &l, d, dir);
}
