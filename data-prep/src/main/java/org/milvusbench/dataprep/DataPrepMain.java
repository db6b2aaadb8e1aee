package org.milvusbench.dataprep; public final class DataPrepMain { public static void main(String[] a) {} }
