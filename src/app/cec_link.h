/* cec_link: the TV's HDMI-CEC through libcec, loaded at run time (libcec6
 * is optional: a hall on a monitor never needs it). Every call may block
 * for seconds while libcec talks to the USB adapter and the TV: never call
 * them on the render thread (dpms_cec does it on a thread of its own). */
#ifndef TWINHALL_CEC_LINK_H
#define TWINHALL_CEC_LINK_H

#include <stdbool.h>
#include <stddef.h>

/* The library loaded when no other is named: Debian 12's libcec6. */
#define CEC_LINK_LIBRARY "libcec.so.6"

struct cec_link;

/* Loads library (NULL: CEC_LINK_LIBRARY), starts libcec and finds the first
 * HDMI-CEC adapter, naming it in what ("/dev/ttyACM0"); with use, also opens
 * it to talk to the TV. NULL with the reason in why when the library, the
 * adapter or the connection is missing. Freed with cec_link_close. */
struct cec_link *cec_link_open(const char *library, bool use, char *what, size_t what_size,
                               char *why, size_t why_size);

/* The TV on (and this PC its picture) or in standby; 0, or -1 with the
 * reason in why. Needs a link opened with use. */
int cec_link_set(struct cec_link *l, bool on, char *why, size_t why_size);

/* Closes the adapter and stops libcec; the TV is left as it is. Accepts
 * NULL. */
void cec_link_close(struct cec_link *l);

#endif
