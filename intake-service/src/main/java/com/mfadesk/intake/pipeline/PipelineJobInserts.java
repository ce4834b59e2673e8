package com.mfadesk.intake.pipeline;

import com.mfadesk.intake.cases.Registration;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The first job of an accepted case, written in the registration transaction ({@link Registration}). */
@JdbcRepository(dialect = Dialect.MYSQL, dataSource = Registration.DATA_SOURCE)
public interface PipelineJobInserts extends GenericRepository<PipelineJob, String> {

    PipelineJob save(PipelineJob job);
}
