package org.ftpscope.ui.model;

import org.ftpscope.decode.DetailNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The detail pane follows the frame table's selection (samples/pasv-curl.pcap, as {@code ftpscope tree … 13} prints it). */
class PacketDetailViewModelTest {

    @Test
    void followsTheSelectedFrameAndFindsTheFieldOfAByte() {
        try (LoadedCapture c = Samples.load("pasv-curl.pcap")) {
            FrameTableViewModel frames = new FrameTableViewModel(TaskExecutor.direct());
            PacketDetailViewModel vm = new PacketDetailViewModel(frames);
            frames.show(c);
            assertEquals(0, vm.frameProperty().get());
            assertNull(vm.treeProperty().get());
            frames.select(13);
            assertEquals(13, vm.frameProperty().get());
            assertEquals(89, vm.bytesProperty().get().length);
            List<String> layers = vm.treeProperty().get().children().stream().map(DetailNode::label).toList();
            assertEquals(List.of("Frame 13: 89 bytes on wire (712 bits), 89 bytes captured (712 bits)",
                    "Ethernet II, Src: ca:ab:ab:38:aa:ae, Dst: b2:38:21:7e:32:cd",
                    "Internet Protocol Version 4, Src: 198.51.100.21, Dst: 192.0.2.10",
                    "Transmission Control Protocol, Src Port: 21, Dst Port: 40236, Seq: 77, Ack: 31, Len: 23",
                    "File Transfer Protocol (FTP)"), layers);
            // Byte 34 is the first of the TCP header: the source port field (2 bytes), the smallest node covering it.
            DetailNode port = vm.fieldAt(34);
            assertEquals("tcp.srcport", port.field());
            assertEquals(List.of(34, 2), List.of(port.offset(), port.length()));
            vm.selectField(port);
            assertEquals(port, vm.selectedFieldProperty().get());
            frames.select(14);
            assertNull(vm.selectedFieldProperty().get(), "a new frame drops the field selected in the old one");
            frames.clear();
            assertEquals(0, vm.frameProperty().get());
            assertNull(vm.bytesProperty().get());
        }
    }
}
