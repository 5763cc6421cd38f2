/* The top bar of a city's screens: back, the city's flag and name, its
 * sections, and the language switch. */
#include "render/draw.h"
#include "ui/screen.h"
#include "render/theme.h"
#include "text/ui_text.h"

static const enum nav_screen sections[] = {NAV_PHOTOS, NAV_HISTORY, NAV_GIFTS};

static size_t section_count(const struct city *c, enum nav_screen s)
{
	return s == NAV_PHOTOS ? c->n_photos : s == NAV_HISTORY ? c->n_history : c->n_gifts;
}

static const char *section_name(struct ui *ui, enum nav_screen s, char *buf, size_t size)
{
	enum ui_str id = s == NAV_PHOTOS ? UI_PHOTOS : s == NAV_HISTORY ? UI_HISTORY : UI_GIFTS;
	return ui_text(id, ui_lang(ui), 0, buf, size);
}

/* The section buttons from x on row y; returns the width they took. */
static int section_tabs(struct ui *ui, const struct city *c, int x, int y)
{
	int gap = layout_px(&ui->l, 12), x0 = x;
	enum nav_screen current = ui->nav.screen == NAV_GIFT ? NAV_GIFTS : ui->nav.screen;
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		if (!section_count(c, sections[i]))
			continue; /* an empty section has no button */
		char buf[64];
		const char *label = section_name(ui, sections[i], buf, sizeof buf);
		int w = ui_button_width(ui, label);
		ui_button(ui, (struct rect){x, y, w, ui_min_target(ui)}, label,
		          sections[i] == current, NAV_EV_OPEN_SECTION, (int)sections[i]);
		x += w + gap;
	}
	return x - x0 - gap;
}

static int tabs_width(struct ui *ui, const struct city *c)
{
	int w = 0, gap = layout_px(&ui->l, 12);
	for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		char buf[64];
		if (section_count(c, sections[i]))
			w += ui_button_width(ui, section_name(ui, sections[i], buf, sizeof buf)) +
			     gap;
	}
	return w - gap;
}

static struct text_style name_style(const struct ui *ui)
{
	return (struct text_style){FACE_SERIF_BOLD, layout_px(&ui->l, 48), ui_color(theme.text), 0};
}

/* The room the city's flag and name take on the top row: the name as
 * wide as it is, at least 300 design px so the row does not change for a
 * shorter name, and at most 400 (a longer one is cut there). */
static int name_room(struct ui *ui, const struct city *c)
{
	const struct layout *l = &ui->l;
	struct text_style st = name_style(ui);
	int w, h, most = layout_px(l, 400), least = layout_px(l, 300);
	ui_label_size(ui, &st, ui_tr(ui, &c->name), 0, 1, &w, &h);
	w += layout_px(l, 48) * 4 / 3 + layout_px(l, 20) + layout_px(l, 32); /* flag, gaps */
	return w > most ? most : w < least ? least : w;
}

/* Whether the section buttons need a row of their own under the bar. */
static bool tabs_below(struct ui *ui, const struct city *c)
{
	const struct layout *l = &ui->l;
	int back = ui_button_width(ui, "‹  Назад") + layout_px(l, 32);
	int lang = ui->c->hall.n_langs * (ui_min_target(ui) + layout_px(l, 36)) +
	           ui_mode_width(ui) + layout_px(l, 32);
	return l->portrait ||
	       l->margin + back + tabs_width(ui, c) + name_room(ui, c) > l->w - l->margin - lang;
}

/* Whether the mode buttons, beside the section buttons on their row, would
 * meet them (a narrow screen, three sections): a row of their own then. */
static bool modes_below_tabs(struct ui *ui, const struct city *c)
{
	const struct layout *l = &ui->l;
	return l->margin + tabs_width(ui, c) + layout_px(l, 32) + ui_mode_width(ui) >
	       l->w - l->margin;
}

/* The height of a row of buttons below the bar, the room after it included. */
static int row_height(const struct ui *ui)
{
	return ui_min_target(ui) + layout_px(&ui->l, 20);
}

/* Where the bar's rows end: the buttons, and the section tabs when they
 * have a row of their own (and the mode buttons when they have one too). */
static int rows_bottom(struct ui *ui, const struct city *c)
{
	int bar = ui_bar_height(ui);
	if (ui_reach(ui) || !tabs_below(ui, c)) /* reach mode: the name alone up there */
		return bar;
	return bar + row_height(ui) * (modes_below_tabs(ui, c) ? 2 : 1);
}

/* A suspended or ended link's status line, on a row of its own under the
 * bar's rows, the whole width, so it is never cut: its height there. */
static int status_row(struct ui *ui, const struct city *c, bool draw)
{
	const struct layout *l = &ui->l;
	int y = rows_bottom(ui, c) - layout_px(l, 8);
	int h = ui_status(ui, c, l->margin, y, l->w - 2 * l->margin, l->size_sub, 2, draw);
	return h ? h + layout_px(l, 16) : 0;
}

int screen_city_top(struct ui *ui)
{
	const struct city *c = &ui->c->hall.cities[ui->nav.city];
	return rows_bottom(ui, c) + status_row(ui, c, false);
}

/* The city's flag and name on the top row, from x to right. */
static void name_row(struct ui *ui, const struct city *c, int x, int right)
{
	const struct layout *l = &ui->l;
	int top = layout_px(l, 40), fh = layout_px(l, 48);
	struct rect flag = {x, top + (ui_min_target(ui) - fh) / 2, fh * 4 / 3, fh};
	ui_image(ui, &c->flag, flag, IMAGE_CONTAIN);
	struct text_style name = name_style(ui);
	int nw, nh, nx = flag.x + flag.w + layout_px(l, 20);
	ui_label_size(ui, &name, ui_tr(ui, &c->name), right - nx, 1, &nw, &nh);
	ui_label(ui, &name, ui_tr(ui, &c->name), nx, top + (ui_min_target(ui) - nh) / 2, right - nx,
	         1);
}

/* Reach mode: the name and the status stay at the top, where they are read;
 * every button goes to two rows at the bottom, the sections above back,
 * the mode buttons and the languages. */
static void reach_bar(struct ui *ui, const struct city *c)
{
	const struct layout *l = &ui->l;
	int bottom = screen_city_top(ui), fade = layout_px(l, 60);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, 0, l->w, bottom}, theme.scrim, 230, 200);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, bottom, l->w, fade}, theme.scrim, 200, 0);
	/* Below the content's foot: fading in to the tabs' row, strong behind the rows. */
	int band = ui_content_bottom(ui, 2);
	int tabs_y = ui_bar_y(ui) - ui_min_target(ui) - layout_px(l, 20);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, band, l->w, tabs_y - band}, theme.scrim, 0,
	          200);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, tabs_y, l->w, l->h - tabs_y}, theme.scrim,
	          200, 230);
	name_row(ui, c, l->margin, l->w - l->margin);
	status_row(ui, c, true);
	ui_back(ui, NAV_EV_BACK);
	ui_mode_buttons(ui, ui_lang_switch(ui) - layout_px(l, 32), ui_bar_y(ui));
	section_tabs(ui, c, l->margin, tabs_y);
}

void screen_city_bar(struct ui *ui)
{
	const struct layout *l = &ui->l;
	const struct city *c = &ui->c->hall.cities[ui->nav.city];
	if (ui_reach(ui)) {
		reach_bar(ui, c);
		return;
	}
	int top = layout_px(l, 40), below = tabs_below(ui, c);
	/* In every frame of a swipe or a scroll: strong behind the bar's rows
	 * (and a status row), fading out below them. */
	int bottom = screen_city_top(ui), fade = layout_px(l, 60);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, 0, l->w, bottom}, theme.scrim, 230, 200);
	tint_draw(&ui->scrim, ui->ren, (struct rect){0, bottom, l->w, fade}, theme.scrim, 200, 0);
	int left = ui_back(ui, NAV_EV_BACK) + layout_px(l, 32);
	int right = ui_lang_switch(ui) - layout_px(l, 32);
	if (below) /* the buttons on the sections' row (or below it): the name keeps its room */
		ui_mode_buttons(ui, l->w - l->margin,
		                ui_bar_height(ui) - layout_px(l, 4) +
		                    (modes_below_tabs(ui, c) ? row_height(ui) : 0));
	else
		right = ui_mode_buttons(ui, right, top) - layout_px(l, 32);
	int tw = tabs_width(ui, c);
	int name_right = below ? right : right - tw - layout_px(l, 32);
	name_row(ui, c, left, name_right);
	status_row(ui, c, true);
	if (below)
		section_tabs(ui, c, l->margin, ui_bar_height(ui) - layout_px(l, 4));
	else
		section_tabs(ui, c, right - tw, top);
}
