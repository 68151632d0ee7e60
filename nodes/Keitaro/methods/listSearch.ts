// Resource-locator "From list" searches (ILoadOptionsFunctions → INodeListSearchResult), one per object type.
export {};
