/* content_city: reads one cities/<id>/city.yaml into struct city (internal
 * to the content loader). */
#ifndef TWINHALL_CONTENT_CITY_H
#define TWINHALL_CONTENT_CITY_H

#include "content/content_fields.h"

/* Reads the root of a city file into *out (whose id the caller has set);
 * x's file and folder are the city's. Problems go to x's diag list. */
void content_city_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                       struct city *out);

#endif
