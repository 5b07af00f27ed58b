def collect_endpoints(index, classes, apps, settings, models, warnings):
    return (), ()
