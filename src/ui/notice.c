#include "ui/notice.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/layout.h"
#include "render/draw.h"
#include "render/theme.h"
#include "ui/ui.h"
#include "text/ui_text.h"

/* A few lines of text: a small budget. */
enum { NOTICE_TEXT_BYTES = 8 << 20 };

struct notice {
	struct ui ui; /* the renderer, the fonts, the text cache, the layout */
};

struct notice *notice_new(SDL_Renderer *ren, struct text *text)
{
	struct notice *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->ui = (struct ui){.ren = ren, .text = text};
	n->ui.texts = text_cache_new(ren, text, NOTICE_TEXT_BYTES);
	if (!n->ui.texts) {
		free(n);
		return NULL;
	}
	return n;
}

void notice_free(struct notice *n)
{
	if (!n)
		return;
	text_cache_free(n->ui.texts);
	free(n);
}

void notice_forget(struct notice *n)
{
	if (n)
		text_cache_clear(n->ui.texts);
}

/* Draws s centred horizontally at y, wrapped to max_w in at most three
 * lines when it is wider; returns the height used, its lines times the
 * line height. */
static int centred(struct ui *ui, const struct text_style *st, const char *s, int y, int max_w)
{
	int lh = text_line_height(ui->text, st->face, st->px);
	int tw, th;
	ui_label_size(ui, st, s, 0, 1, &tw, &th);
	if (tw <= max_w) {
		ui_label(ui, st, s, (ui->l.w - tw) / 2, y, 0, 1);
		return lh;
	}
	ui_label(ui, st, s, (ui->l.w - max_w) / 2, y, max_w, 3);
	return ui_label_lines(ui, st, s, max_w, 3) * lh;
}

/* One quiet line for staff, in Russian and without file paths (visitors
 * read the notice too): how many errors, and where to see them. */
static void staff_line(struct ui *ui, struct diag *d)
{
	const struct layout *l = &ui->l;
	char line[512];
	size_t errors = d ? diag_count(d, DIAG_ERROR) : 0;
	ui_text(UI_NOTICE_STAFF, "ru", errors > 9999 ? 9999 : (int)errors, line, sizeof line);
	struct text_style st = {FACE_SANS, l->size_small, ui_color(theme.text_soft), 0};
	int max_w = l->w - 2 * l->margin;
	int h =
	    ui_label_lines(ui, &st, line, max_w, 2) * text_line_height(ui->text, st.face, st.px);
	ui_label(ui, &st, line, l->margin, l->h - l->margin - h, max_w, 2);
}

void notice_draw(struct notice *n, int w, int h, struct diag *d)
{
	struct ui *ui = &n->ui;
	ui->l = layout_compute(w, h);
	const struct layout *l = &ui->l;
	draw_gradient(ui->ren, (struct rect){0, 0, w, h}, theme.backdrop_top, 255,
	              theme.backdrop_bottom, 255);
	char buf[256];
	struct text_style name = {FACE_SERIF_BOLD, l->size_name, ui_color(theme.text), 0};
	struct text_style other = {FACE_SERIF_BOLD, l->size_heading, ui_color(theme.text_soft), 0};
	struct text_style body = {FACE_SANS, l->size_body, ui_color(theme.accent), 0};
	int max_w = w - 2 * l->margin, y = h * 30 / 100;
	y += centred(ui, &name, ui_text(UI_HALL_NAME, "ru", 0, buf, sizeof buf), y, max_w);
	y += centred(ui, &other, ui_text(UI_HALL_NAME, "en", 0, buf, sizeof buf), y, max_w);
	y += l->gap * 2;
	y += centred(ui, &body, ui_text(UI_UPDATING, "ru", 0, buf, sizeof buf), y, max_w);
	centred(ui, &body, ui_text(UI_UPDATING, "en", 0, buf, sizeof buf), y, max_w);
	staff_line(ui, d);
	text_cache_frame(ui->texts);
}
