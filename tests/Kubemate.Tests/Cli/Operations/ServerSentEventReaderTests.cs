using Kubemate.Remote;

namespace Kubemate.Tests.Cli.Operations;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task Events_are_split_on_blank_lines_with_their_id_type_and_joined_data()
    {
        const string stream = ": keep-alive comment\nid: 1\nevent: progress\ndata: {\"a\":1}\n\nid: 2\ndata:first\ndata: second\n\n";
        var events = await Read(stream);
        Assert.Equal([new ServerSentEvent("1", "progress", "{\"a\":1}"), new ServerSentEvent("2", "message", "first\nsecond")], events);
    }

    [Fact]
    public async Task A_block_without_data_dispatches_nothing_and_the_id_carries_over()
    {
        var events = await Read("id: 7\nevent: ignored\n\ndata: x\n\n");
        Assert.Equal([new ServerSentEvent("7", "message", "x")], events);
    }

    [Fact]
    public async Task An_event_cut_off_by_the_end_of_the_stream_is_discarded()
    {
        var events = await Read("id: 1\ndata: {\"whole\":true}\n\nid: 2\ndata: {\"cut");
        Assert.Equal([new ServerSentEvent("1", "message", "{\"whole\":true}")], events);
    }

    private static async Task<List<ServerSentEvent>> Read(string text)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var e in ServerSentEventReader.ReadAsync(new StringReader(text)))
        {
            events.Add(e);
        }
        return events;
    }
}
