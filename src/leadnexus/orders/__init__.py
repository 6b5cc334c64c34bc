"""Orders: the cart, checkout's orders, purchases and fulfilment; and the one rule that says who
may see a lead's contact data (`orders.access`)."""
