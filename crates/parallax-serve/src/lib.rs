//! The HTTP server: a JSON API and a web page over a Parallax store.
