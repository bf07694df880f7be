parts = ["alpha", "", "gamma", "delta epsilon"]
joined = "|".join(parts)
print(joined, joined.split("|") == parts, " ".join(parts).split(), "|".join(joined.split("|", 2)))
path = "/usr/local/lib/python3"
print(path.split("/"), path.rsplit("/", 1), path.partition("/local"), path.count("/"), path[path.rfind("/") + 1:])
print(",".join(map(str, range(5))), ", ".join(f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()))
