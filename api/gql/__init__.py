"""The GraphQL layer: strawberry types, queries, mutations, loaders and limits."""
