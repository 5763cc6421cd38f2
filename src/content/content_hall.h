/* content_hall: reads hall.yaml's fields into struct hall (internal to the
 * content loader). */
#ifndef TWINHALL_CONTENT_HALL_H
#define TWINHALL_CONTENT_HALL_H

#include "content/content_fields.h"

enum { CONTENT_HALL_MAX_CITIES = 32 };

/* The valid, distinct city ids listed in hall.yaml, with the list items
 * naming them (to locate problems with a city's file). */
struct content_hall_ids {
	const struct yaml_doc_node *items[CONTENT_HALL_MAX_CITIES];
	size_t n;
};

/* Reads the root of hall.yaml into *out (not its cities, which the caller
 * loads) and the city ids into *ids; sets x's languages to the hall's when
 * they are all valid. Problems go to x's diag list; returns nothing: the
 * caller counts errors. */
void content_hall_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                       struct hall *out, struct content_hall_ids *ids);

/* 1 when id is a valid city id: 1 to 40 of a-z, 0-9 and -. */
int content_hall_valid_id(const char *id);

#endif
