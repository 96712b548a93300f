using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingPlatform.Migrations
{
    /// <inheritdoc />
    public partial class Labs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "labs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    municipality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    safety_rules = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    seats_per_slot = table.Column<int>(type: "integer", nullable: false),
                    timetable = table.Column<string>(type: "jsonb", nullable: false),
                    manager_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_labs", x => x.id);
                    table.ForeignKey(
                        name: "fk_labs_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lab_bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    slot_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status_changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_lab_bookings_asp_net_users_booker_id",
                        column: x => x.booker_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_bookings_asp_net_users_status_changed_by",
                        column: x => x.status_changed_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_bookings_labs_lab_id",
                        column: x => x.lab_id,
                        principalTable: "labs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lab_equipment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    photo_file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    requires_qualification = table.Column<bool>(type: "boolean", nullable: false),
                    qualification_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    out_of_service_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    out_of_service_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    out_of_service_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_equipment", x => x.id);
                    table.ForeignKey(
                        name: "fk_lab_equipment_labs_lab_id",
                        column: x => x.lab_id,
                        principalTable: "labs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lab_slots",
                columns: table => new
                {
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false),
                    seats_taken = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_slots", x => new { x.lab_id, x.starts_at });
                    table.CheckConstraint("ck_lab_slots_seats", "seats_taken >= 0 AND seats_taken <= seats");
                    table.ForeignKey(
                        name: "fk_lab_slots_labs_lab_id",
                        column: x => x.lab_id,
                        principalTable: "labs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lab_booking_equipment",
                columns: table => new
                {
                    lab_booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    equipment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slot_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released = table.Column<bool>(type: "boolean", nullable: false),
                    usage_minutes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_booking_equipment", x => new { x.lab_booking_id, x.equipment_id });
                    table.ForeignKey(
                        name: "fk_lab_booking_equipment_lab_bookings_lab_booking_id",
                        column: x => x.lab_booking_id,
                        principalTable: "lab_bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lab_booking_equipment_lab_equipment_equipment_id",
                        column: x => x.equipment_id,
                        principalTable: "lab_equipment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lab_qualifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lab_id = table.Column<Guid>(type: "uuid", nullable: false),
                    equipment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lab_qualifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_lab_qualifications_asp_net_users_granted_by",
                        column: x => x.granted_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_qualifications_asp_net_users_revoked_by",
                        column: x => x.revoked_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_qualifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_qualifications_lab_equipment_equipment_id",
                        column: x => x.equipment_id,
                        principalTable: "lab_equipment",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lab_qualifications_labs_lab_id",
                        column: x => x.lab_id,
                        principalTable: "labs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_lab_booking_equipment_held",
                table: "lab_booking_equipment",
                columns: new[] { "equipment_id", "slot_starts_at" },
                unique: true,
                filter: "NOT released");

            migrationBuilder.CreateIndex(
                name: "ix_lab_bookings_booker_id_slot_starts_at",
                table: "lab_bookings",
                columns: new[] { "booker_id", "slot_starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_lab_bookings_settling",
                table: "lab_bookings",
                column: "slot_starts_at",
                filter: "status = 'Booked'");

            migrationBuilder.CreateIndex(
                name: "ix_lab_bookings_status_changed_by",
                table: "lab_bookings",
                column: "status_changed_by");

            migrationBuilder.CreateIndex(
                name: "ux_lab_bookings_one_per_person",
                table: "lab_bookings",
                columns: new[] { "lab_id", "slot_starts_at", "booker_id" },
                unique: true,
                filter: "status IN ('Booked', 'CheckedIn', 'Completed')");

            migrationBuilder.CreateIndex(
                name: "ix_lab_equipment_lab_id",
                table: "lab_equipment",
                column: "lab_id");

            migrationBuilder.CreateIndex(
                name: "ix_lab_qualifications_equipment_id",
                table: "lab_qualifications",
                column: "equipment_id");

            migrationBuilder.CreateIndex(
                name: "ix_lab_qualifications_granted_by",
                table: "lab_qualifications",
                column: "granted_by");

            migrationBuilder.CreateIndex(
                name: "ix_lab_qualifications_lab_id_valid_until",
                table: "lab_qualifications",
                columns: new[] { "lab_id", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_lab_qualifications_revoked_by",
                table: "lab_qualifications",
                column: "revoked_by");

            migrationBuilder.CreateIndex(
                name: "ux_lab_qualifications_unrevoked",
                table: "lab_qualifications",
                columns: new[] { "user_id", "equipment_id" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_labs_name",
                table: "labs",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_labs_organization_id",
                table: "labs",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_labs_status_municipality",
                table: "labs",
                columns: new[] { "status", "municipality" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lab_booking_equipment");

            migrationBuilder.DropTable(
                name: "lab_qualifications");

            migrationBuilder.DropTable(
                name: "lab_slots");

            migrationBuilder.DropTable(
                name: "lab_bookings");

            migrationBuilder.DropTable(
                name: "lab_equipment");

            migrationBuilder.DropTable(
                name: "labs");
        }
    }
}
