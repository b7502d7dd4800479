using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Flavors;

namespace Midjourney.Simulator.Endpoints;

/// <summary>
/// Plus's paged answers (<c>POST /mj/task/query</c>, <c>POST /mj/account/query</c>): a Spring <c>Page</c>,
/// <c>{content, totalElements, totalPages, number, size, numberOfElements, first, last, empty}</c>, pages from 0.
/// </summary>
internal static class SpringPage
{
    /// <summary>Writes page <paramref name="page"/> (of <paramref name="size"/> items) of <paramref name="matching"/>.</summary>
    public static Task WriteAsync<T>(HttpContext context, IReadOnlyList<T> matching, int page, int size, Action<Utf8JsonWriter, T> write)
    {
        List<T> content = matching.Skip(page * size).Take(size).ToList();
        return EnvelopeJson.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("content");
            foreach (T item in content) write(w, item);
            w.WriteEndArray();
            w.WriteNumber("totalElements", matching.Count);
            w.WriteNumber("totalPages", (matching.Count + size - 1) / size);
            w.WriteNumber("number", page);
            w.WriteNumber("size", size);
            w.WriteNumber("numberOfElements", content.Count);
            w.WriteBoolean("first", page == 0);
            w.WriteBoolean("last", (page + 1) * size >= matching.Count);
            w.WriteBoolean("empty", content.Count == 0);
            w.WriteEndObject();
        });
    }
}
