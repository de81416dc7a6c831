#!/usr/bin/env python3
"""Counts the operations of OpenAPI/Swagger documents, following the $refs that stand for the whole
`paths` object or for a path item (the corpus table _derived/openapi-operation-counts.tsv counts
path x method without following them). Independent of Sonde's importer: PyYAML and json only.

Usage: count_followed_operations.py CORPUS FILE...   (FILE relative to CORPUS)
prints "FILE<TAB>count" lines, the format of followed-operation-counts.tsv.
"""
import json
import os
import sys

import yaml

METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
cache = {}


def load(path):
    if path not in cache:
        with open(path) as f:
            text = f.read()
        cache[path] = json.loads(text) if text.lstrip().startswith('{') else yaml.safe_load(text)
    return cache[path]


def deref(node, path):
    for _ in range(20):
        if not (isinstance(node, dict) and '$ref' in node):
            break
        target, _, pointer = node['$ref'].partition('#')
        if target:
            path = os.path.normpath(os.path.join(os.path.dirname(path), target))
        node = load(path)
        for token in [t for t in pointer.split('/') if t]:
            node = node[token.replace('~1', '/').replace('~0', '~')]
    return node, path


def count(root):
    paths, path = deref(load(root).get('paths', {}), root)
    total = 0
    for key, item in (paths or {}).items():
        if key.startswith('x-'):
            continue
        item, _ = deref(item, path)
        if isinstance(item, dict):
            total += sum(1 for method in METHODS if method in item)
    return total


if __name__ == '__main__':
    corpus = sys.argv[1]
    for name in sys.argv[2:]:
        print(f'{name}\t{count(os.path.join(corpus, name))}')
