x = undefined + 1
