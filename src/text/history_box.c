#include "text/history_box.h"

struct history_box history_box(struct text *t, const struct layout *l)
{
	struct history_box b = {
	    .year = {FACE_SERIF_BOLD, l->size_year, {0, 0, 0, 255}, 0},
	    .body = {FACE_SANS, layout_px(l, 40), {0, 0, 0, 255}, 0},
	};
	b.year_h = text_line_height(t, b.year.face, b.year.px);
	b.width = l->portrait ? l->stage.w : l->stage.w * 75 / 100;
	b.lines = (l->stage.h - b.year_h) / text_line_height(t, b.body.face, b.body.px);
	if (b.lines < 2)
		b.lines = 2;
	return b;
}
