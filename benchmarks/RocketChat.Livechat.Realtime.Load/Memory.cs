using System.Diagnostics;

namespace RocketChat.Livechat.Realtime.Load;

/// <summary>How memory is measured on both sides: the managed heap after full, compacting collections, and the working set.</summary>
internal static class Memory
{
    public static (long Heap, long WorkingSet) Measure()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using Process self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64);
    }
}
