<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  ODD → ISO Schematron (queryBinding xslt3).

  Namespace declarations and variables in constraintSpecs directly under schemaSpec become the
  schema's sch:ns and global sch:let; each constraintSpec inside an elementSpec becomes one
  sch:pattern whose id is the constraintSpec's ident, so that a rule never hides another. A
  constraint of bare asserts is given a rule whose context is the element. Every assert and
  report gets an id (the constraintSpec's ident unless it has its own) and a role (error
  unless it says warning); two with the same id stop the compilation.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:odd="urn:tei-transcripts:odd"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  exclude-result-prefixes="xs tei odd">

  <xsl:include href="odd-common.xsl"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="spec" select="odd:schema-spec(.)"/>
    <xsl:variable name="tests" select="$spec//tei:constraintSpec//(sch:assert | sch:report)"/>
    <xsl:for-each-group select="$tests" group-by="odd:test-id(.)">
      <xsl:if test="count(current-group()) gt 1">
        <xsl:call-template name="fail"><xsl:with-param name="message">rule id "<xsl:value-of select="current-grouping-key()"/>" is used by <xsl:value-of select="count(current-group())"/> asserts or reports</xsl:with-param></xsl:call-template>
      </xsl:if>
    </xsl:for-each-group>
    <sch:schema queryBinding="xslt3">
      <xsl:comment> Generated from the ODD by xslt/odd/odd2sch.xsl: do not edit; edit the ODD and run "tei-transcripts schema". </xsl:comment>
      <sch:title>
        <xsl:value-of select="normalize-space(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
      </sch:title>
      <xsl:apply-templates select="$spec/tei:constraintSpec/tei:constraint/sch:ns" mode="copy"/>
      <xsl:apply-templates select="$spec/tei:constraintSpec/tei:constraint/sch:let" mode="copy"/>
      <xsl:apply-templates select="$spec/tei:elementSpec/tei:constraintSpec[@scheme = 'schematron']"/>
    </sch:schema>
  </xsl:template>

  <xsl:template match="tei:constraintSpec">
    <sch:pattern id="{@ident}">
      <xsl:choose>
        <xsl:when test="tei:constraint/sch:rule">
          <xsl:apply-templates select="tei:constraint/sch:rule" mode="copy"/>
        </xsl:when>
        <xsl:otherwise>
          <sch:rule context="tei:{../@ident}">
            <xsl:apply-templates select="tei:constraint/*" mode="copy"/>
          </sch:rule>
        </xsl:otherwise>
      </xsl:choose>
    </sch:pattern>
  </xsl:template>

  <!-- Schematron elements are copied without the ODD's other namespaces. -->
  <xsl:template match="sch:*" mode="copy">
    <xsl:element name="sch:{local-name()}">
      <xsl:copy-of select="@*"/>
      <xsl:if test="self::sch:assert or self::sch:report">
        <xsl:attribute name="id" select="odd:test-id(.)"/>
        <xsl:attribute name="role" select="(@role, 'error')[1]"/>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="copy"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="copy">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="*" mode="copy">
    <xsl:call-template name="fail"><xsl:with-param name="message">
      <xsl:value-of select="odd:where(.)"/>: &lt;<xsl:value-of select="name()"/>&gt; is not Schematron</xsl:with-param></xsl:call-template>
  </xsl:template>

  <xsl:function name="odd:test-id" as="xs:string">
    <xsl:param name="test" as="element()"/>
    <xsl:sequence select="string(($test/@id, $test/ancestor::tei:constraintSpec[1]/@ident)[1])"/>
  </xsl:function>
</xsl:stylesheet>
