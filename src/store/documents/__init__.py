"""Papers to print, sign or send: nomination form and MoU, review documents."""
