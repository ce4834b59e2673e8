package com.mfadesk.intake.cases;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Attachment metadata as stored with a case: JSON, or nothing when there are none. */
@Singleton
public class AttachmentList {

    private final ObjectMapper objectMapper;

    public AttachmentList(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public String toJson(List<AttachmentInfo> attachments) {
        if (attachments.isEmpty()) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
