/* log: the program's journal lines, one way for every module. Each line
 * goes to stderr whole, with sd-daemon's priority prefix ("<3>" error,
 * "<4>" warning, "<5>" notice, "<6>" info) so journald files it at its
 * level, then "twinhall: " and the message, translated (base/i18n.h: the
 * format is English); the caller gives no newline.
 * (Not here: the content's problems, which diag_log writes compiler-style,
 * and the command line's own errors, said plainly to whoever typed it.) */
#ifndef TWINHALL_LOG_H
#define TWINHALL_LOG_H

#define LOG_FORMAT(a, b) __attribute__((format(printf, a, b)))

/* Something the hall cannot do: it shows less than it should. */
void log_error(const char *fmt, ...) LOG_FORMAT(1, 2);

/* Something wrong that the hall works around. */
void log_warning(const char *fmt, ...) LOG_FORMAT(1, 2);

/* A normal but noteworthy event. */
void log_notice(const char *fmt, ...) LOG_FORMAT(1, 2);

/* What the hall is doing, for whoever reads the journal. */
void log_info(const char *fmt, ...) LOG_FORMAT(1, 2);

#endif
