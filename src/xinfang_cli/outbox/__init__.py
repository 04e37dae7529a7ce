"""Messages out of the office: email through the office's SMTP server and the work groups'
robots (`xf remind`). Standard library only; no SQL, no terminal."""
