/*
 * callbacks: the libmilter glue.  Each xxfi_* callback calls the matching
 * session_*() function and translates its verdict; nothing else happens
 * here.
 */
#ifndef NEF_CALLBACKS_H
#define NEF_CALLBACKS_H

/* Register the filter with libmilter (smfi_register).  0 or -1. */
int	callbacks_register(void);
/* Register and open the listening socket (libmilter syntax).  0 or -1. */
int	callbacks_listen(const char *spec);
/* Hand the process to libmilter until it stops.  0 or -1. */
int	callbacks_main(void);
/* Ask libmilter to stop (smfi_stop); from any thread.  It may wait for
 * the listener to notice (see msock_poke()). */
void	callbacks_stop(void);

#endif
