#include "ui/screen.h"

#include <stdlib.h>

const struct screen_ops *screen_of(enum nav_screen s)
{
	switch (s) {
	case NAV_HOME:
		return &screen_home;
	case NAV_PHOTOS:
		return &screen_photos;
	case NAV_HISTORY:
		return &screen_history;
	case NAV_GIFTS:
		return &screen_gifts;
	case NAV_GIFT:
		return &screen_gift;
	case NAV_ATTRACT:
		break;
	}
	return NULL;
}

void screen_enter(const struct screen_ops *s, struct ui *ui)
{
	if (ui_set_layout(ui, ui->l.w, ui->l.h)) /* the visitor chose another text size */
		ui->epoch++;
	if (s->enter)
		s->enter(ui);
}

void screen_reload(const struct screen_ops *s, struct ui *ui)
{
	if (s->reload)
		s->reload(ui);
}

bool screen_gesture(const struct screen_ops *s, struct ui *ui, const struct gesture *g,
                    struct nav_event *ev)
{
	return s->gesture && s->gesture(ui, g, ev);
}

bool screen_moving(const struct screen_ops *s, const struct ui *ui)
{
	return s->moving && s->moving(ui);
}

void *screen_state(struct ui *ui, enum nav_screen s)
{
	return (unsigned)s < UI_SCREENS ? ui->states[s] : NULL;
}

const void *screen_state_const(const struct ui *ui, enum nav_screen s)
{
	return (unsigned)s < UI_SCREENS ? ui->states[s] : NULL;
}

bool screen_states_new(struct ui *ui)
{
	for (int s = 0; s < UI_SCREENS; s++) {
		const struct screen_ops *ops = screen_of((enum nav_screen)s);
		if (!ops || !ops->state_size || ui->states[s])
			continue;
		ui->states[s] = calloc(1, ops->state_size);
		if (!ui->states[s])
			return false;
	}
	return true;
}

void screen_states_free(struct ui *ui)
{
	for (int s = 0; s < UI_SCREENS; s++) {
		const struct screen_ops *ops = screen_of((enum nav_screen)s);
		if (ops && ops->free_state && ui->states[s])
			ops->free_state(ui->states[s]);
		free(ui->states[s]);
		ui->states[s] = NULL;
	}
}
