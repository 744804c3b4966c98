//! One module per route.

