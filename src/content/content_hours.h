/* content_hours: reads hall.yaml's opening_hours (internal to the content
 * loader): per weekday "09:00-18:00", "09:00-13:00, 14:00-18:00" or
 * "closed", and exceptions by date. */
#ifndef TWINHALL_CONTENT_HOURS_H
#define TWINHALL_CONTENT_HOURS_H

#include "content/content_fields.h"

/* Reads opening_hours and time_zone of hall.yaml's root into *out (hours
 * left unset when the field is absent); problems go to x's diag list. */
void content_hours_read(struct content_fields_ctx *x, const struct yaml_doc_node *root,
                        struct opening_hours *out);

/* Parses one day's hours ("closed", "09:00-18:00", spans separated by
 * commas) into *out; 0, or -1 with a message for staff in msg. */
int content_hours_parse_day(const char *s, struct hours_day *out, char *msg, size_t size);

#endif
