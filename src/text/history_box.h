/* history_box: where a history moment's text goes on its slide at a
 * layout: faces and sizes, the width of the text and how many lines fit
 * under the year. One place for the slide that draws it and for the check
 * that warns when a text needs more lines. */
#ifndef TWINHALL_HISTORY_BOX_H
#define TWINHALL_HISTORY_BOX_H

#include "base/layout.h"
#include "text/text.h"

struct history_box {
	struct text_style year, body; /* colours are the drawer's to set */
	int year_h, width, lines;
};

/* The box at layout l, measured with the fonts of t. */
struct history_box history_box(struct text *t, const struct layout *l);

#endif
