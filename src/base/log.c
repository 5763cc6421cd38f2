#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/i18n.h"

/* One line at priority prio, written with one call so lines of threads
 * logging at once never mix; a message too long is cut, never split. */
static void line(int prio, const char *fmt, va_list ap)
{
	char msg[2048];
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	fprintf(stderr, "<%d>twinhall: %s\n", prio, msg);
}

void log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	line(3, fmt, ap);
	va_end(ap);
}

void log_warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	line(4, fmt, ap);
	va_end(ap);
}

void log_notice(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	line(5, fmt, ap);
	va_end(ap);
}

void log_info(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	line(6, fmt, ap);
	va_end(ap);
}
