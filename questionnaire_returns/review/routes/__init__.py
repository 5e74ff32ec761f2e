"""The review app's routers, one per screen: sign-in, queue, item, save, pages."""
